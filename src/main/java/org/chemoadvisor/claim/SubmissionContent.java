package org.chemoadvisor.claim;

import java.util.EnumSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * What a claim submission may carry: the Claim and the resources it stands on, never definitions.
 *
 * <p>{@link #ACCEPTED} is the Claim, the types R4's Claim refers to (patient, enterer, insurer, provider,
 * payee, referral, facility, careTeam, diagnosis, procedure, insurance, item.encounter, item.location,
 * prescription: build.fhir.org/R4 claim.html), and the clinical records a coding check reads or a payer
 * asks for as supporting information (Procedure with its documented muscles, Observation,
 * DocumentReference, MedicationAdministration). Everything else is refused, in particular the
 * conformance and definitional resources (StructureDefinition, ImplementationGuide, ValueSet, CodeSystem,
 * CapabilityStatement, Questionnaire...): HAPI's validator acts on them (an ImplementationGuide's
 * {@code dependsOn} makes it look packages up on the package registries, a StructureDefinition can make
 * it load other FHIR versions' core packages), which is I/O and work a caller must not be able to start.
 *
 * <p>Checked for every resource of the request: the entries, what they contain, and the
 * {@code entry.response.outcome} a Bundle may carry (type Resource in R4).
 */
final class SubmissionContent {

    static final Set<ResourceType> ACCEPTED = EnumSet.of(
            ResourceType.Claim,
            ResourceType.Patient, ResourceType.RelatedPerson, ResourceType.Coverage, ResourceType.ClaimResponse,
            ResourceType.Organization, ResourceType.Practitioner, ResourceType.PractitionerRole,
            ResourceType.Location, ResourceType.Encounter, ResourceType.Condition, ResourceType.Procedure,
            ResourceType.ServiceRequest, ResourceType.MedicationRequest, ResourceType.MedicationAdministration,
            ResourceType.Medication, ResourceType.Device, ResourceType.DeviceRequest, ResourceType.VisionPrescription,
            ResourceType.Observation, ResourceType.DocumentReference);

    private SubmissionContent() {
    }

    /** @throws UnusableClaimException (422) naming the first resource of a type a claim submission does not carry */
    static void requireAccepted(Claim claim) {
        requireAccepted(claim, "Claim");
    }

    /** @throws UnusableClaimException (422) naming the first resource of a type a claim submission does not carry */
    static void requireAccepted(Bundle bundle) {
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent entry = bundle.getEntry().get(i);
            if (entry.getResource() != null) {
                requireAccepted(entry.getResource(), "Bundle.entry[" + i + "].resource");
            }
            if (entry.hasResponse() && entry.getResponse().getOutcome() != null) {
                requireAccepted(entry.getResponse().getOutcome(), "Bundle.entry[" + i + "].response.outcome");
            }
        }
    }

    private static void requireAccepted(Resource resource, String path) {
        if (!ACCEPTED.contains(resource.getResourceType())) {
            throw new UnusableClaimException("A claim submission carries the Claim and the resources it refers to "
                    + "(Patient, Coverage, Procedure, Condition, Practitioner, Organization...), not a "
                    + resource.fhirType() + ": send definitions (profiles, value sets, implementation guides) "
                    + "to a terminology or conformance server, not with a claim", path);
        }
        if (resource instanceof DomainResource domain) {
            for (int k = 0; k < domain.getContained().size(); k++) {
                requireAccepted(domain.getContained().get(k), path + ".contained[" + k + "]");
            }
        }
    }
}
