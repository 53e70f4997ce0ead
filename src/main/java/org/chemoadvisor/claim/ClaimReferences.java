package org.chemoadvisor.claim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves the references a Claim makes to the resources sent with it, as FHIR R4 resolves
 * references inside a Bundle (bundle.html#references): {@code #id} names a resource the Claim
 * contains; an absolute URL (including {@code urn:uuid:}) names the entry with that fullUrl; a
 * relative reference ({@code Procedure/abc}, version ignored) is appended to the base of the
 * Claim's own RESTful fullUrl and names the entry with that fullUrl. When the Claim's fullUrl is
 * not a RESTful URL (absent, or a {@code urn:uuid:}), the entry whose resource has that type and
 * id is taken: the spec would ask a server, and a collection Bundle sent for checking has none.
 *
 * <p>{@link #root()} is the FHIRPath of the Claim in what was sent ({@code Claim}, or
 * {@code Bundle.entry[2].resource}), so that every expression can point into the request.
 */
final class ClaimReferences {

    private static final Pattern RESTFUL = Pattern.compile("^(https?://.+/)?([A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})"
            + "(/_history/[A-Za-z0-9\\-.]{1,64})?$");

    /** A resolved resource and the FHIRPath of it in the request. */
    record Located(Resource resource, String path) {
    }

    private final Claim claim;
    private final Bundle bundle;
    private final int claimEntry;
    /** Entry positions by fullUrl and by "Type/id", first wins: one look-up per reference, however large the Bundle. */
    private final Map<String, Integer> byFullUrl = new HashMap<>();
    private final Map<String, Integer> byTypeAndId = new HashMap<>();

    private ClaimReferences(Claim claim, Bundle bundle, int claimEntry) {
        this.claim = claim;
        this.bundle = bundle;
        this.claimEntry = claimEntry;
        for (int j = 0; bundle != null && j < bundle.getEntry().size(); j++) {
            BundleEntryComponent entry = bundle.getEntry().get(j);
            if (entry.getResource() == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                byFullUrl.putIfAbsent(entry.getFullUrl(), j);
            }
            if (entry.getResource().getIdElement().hasIdPart()) {
                byTypeAndId.putIfAbsent(entry.getResource().fhirType() + "/"
                        + entry.getResource().getIdElement().getIdPart(), j);
            }
        }
    }

    static ClaimReferences of(ClaimValidationRequest request) {
        return new ClaimReferences(request.claim(), request.bundle(), request.claimEntry());
    }

    static ClaimReferences standalone(Claim claim) {
        return new ClaimReferences(claim, null, -1);
    }

    String root() {
        return bundle == null ? "Claim" : "Bundle.entry[" + claimEntry + "].resource";
    }

    /** The expression as a FHIRPath into the request: {@code Claim.item[1]} becomes {@code Bundle.entry[0].resource.item[1]}. */
    String inRequest(String claimExpression) {
        if (bundle == null || claimExpression == null) {
            return claimExpression;
        }
        if (claimExpression.equals("Claim") || claimExpression.startsWith("Claim.")) {
            return root() + claimExpression.substring("Claim".length());
        }
        return claimExpression;
    }

    /** The Bundle's entries whose resource is of the type, in order; none for a Claim sent alone. */
    <T extends Resource> List<Located> entries(Class<T> type) {
        List<Located> found = new ArrayList<>();
        for (int j = 0; bundle != null && j < bundle.getEntry().size(); j++) {
            if (type.isInstance(bundle.getEntry().get(j).getResource())) {
                found.add(located(j));
            }
        }
        return found;
    }

    Optional<Located> resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        if (reference.startsWith("#")) {
            return contained(reference.substring(1));
        }
        if (bundle == null) {
            return Optional.empty();
        }
        Matcher relative = RESTFUL.matcher(reference);
        if (relative.matches() && relative.group(1) == null) {
            return relativeEntry(relative.group(2), relative.group(3));
        }
        if (relative.matches() && relative.group(4) != null) {
            return entryWithFullUrl(relative.group(1) + relative.group(2) + "/" + relative.group(3));
        }
        return entryWithFullUrl(reference);
    }

    private Optional<Located> contained(String id) {
        for (int k = 0; k < claim.getContained().size(); k++) {
            Resource contained = claim.getContained().get(k);
            String local = contained.getIdElement().getIdPart();
            if (local != null && id.equals(local.replace("#", ""))) {
                return Optional.of(new Located(contained, "Claim.contained[" + k + "]"));
            }
        }
        return Optional.empty();
    }

    private Optional<Located> relativeEntry(String type, String id) {
        String claimUrl = bundle.getEntry().get(claimEntry).getFullUrl();
        Matcher own = claimUrl == null ? null : RESTFUL.matcher(claimUrl);
        if (own != null && own.matches() && own.group(1) != null) {
            return entryWithFullUrl(own.group(1) + type + "/" + id);
        }
        return Optional.ofNullable(byTypeAndId.get(type + "/" + id)).map(this::located);
    }

    private Optional<Located> entryWithFullUrl(String url) {
        return Optional.ofNullable(byFullUrl.get(url)).map(this::located);
    }

    private Located located(int entry) {
        return new Located(bundle.getEntry().get(entry).getResource(), "Bundle.entry[" + entry + "].resource");
    }
}
