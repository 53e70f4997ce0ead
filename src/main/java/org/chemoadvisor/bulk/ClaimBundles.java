package org.chemoadvisor.bulk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The collection Bundle a claim of a bulk review is checked in, as {@code Claim/$validate} takes it:
 * the Claim (or the Bundle it came in), what it references, its patient's Procedures, and its
 * patient's lines on the other claims of the input as earlier Procedures. Plain Java: the one-machine
 * command and the Spark job join the same way.
 */
public final class ClaimBundles {

    /**
     * The base of the fullUrls given to the entries of a Bundle assembled from export files: a
     * collection Bundle needs them for its references to resolve, and an export does not say which
     * server it came from ({@code .invalid} is reserved for names that resolve nowhere).
     */
    static final String EXPORT_BASE = "https://export.invalid/fhir/";

    private ClaimBundles() {
    }

    public static Bundle withRecord(Resource claimOrBundle, SupportingResources supporting, OtherClaims otherClaims) {
        Bundle bundle;
        if (claimOrBundle instanceof Bundle given) {
            bundle = given;
        } else {
            Claim claim = (Claim) claimOrBundle;
            bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
            bundle.addEntry().setResource(claim);
            Set<Resource> added = new LinkedHashSet<>();
            claim.getProcedure().forEach(p -> add(added, supporting.find(p.getProcedureReference().getReference())));
            claim.getInsurance().forEach(i -> add(added, supporting.find(i.getCoverage().getReference())));
            add(added, supporting.find(claim.getPatient().getReference()));
            for (Procedure procedure : supporting.proceduresOf(claim.getPatient().getReference())) {
                add(added, procedure);
            }
            added.forEach(resource -> bundle.addEntry().setResource(resource));
            bundle.getEntry().forEach(entry -> entry.setFullUrl(fullUrl(entry.getResource())));
        }
        Claim claim = (Claim) bundle.getEntry().get(claimEntry(bundle)).getResource();
        otherClaims.of(claim.getPatient().getReference(), claim.getIdElement().getIdPart())
                .forEach(procedure -> bundle.addEntry().setFullUrl(fullUrl(procedure)).setResource(procedure));
        return bundle;
    }

    private static String fullUrl(Resource resource) {
        return EXPORT_BASE + resource.fhirType() + "/" + resource.getIdElement().getIdPart();
    }

    /** The Claim a line holds: itself, or the one Claim of a collection Bundle; else null (not a claim to review). */
    public static Claim claimOf(Resource resource) {
        if (resource instanceof Claim claim) {
            return claim;
        }
        if (resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.COLLECTION) {
            List<Claim> claims = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Claim.class::isInstance).map(Claim.class::cast).toList();
            return claims.size() == 1 ? claims.get(0) : null;
        }
        return null;
    }

    public static int claimEntry(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Claim) {
                return i;
            }
        }
        throw new IllegalArgumentException("the Bundle holds no Claim");
    }

    private static void add(Set<Resource> added, Resource resource) {
        if (resource != null) {
            added.add(resource);
        }
    }
}
