package org.chemoadvisor.cdshooks.adapt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.Diagnosis;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * The code systems the adapters read. Modifiers (CPT and HCPCS level II alike) are carried on a
 * ServiceRequest as {@code orderDetail} codings with {@link #MODIFIER_SYSTEM}: R4 has no
 * modifier element on ServiceRequest, and orderDetail is where order-level qualifiers go.
 */
public final class FhirCodes {

    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** HCPCS level II (toxin J-codes), both spellings in use. */
    public static final Set<String> PROCEDURE_SYSTEMS = Set.of(CPT,
            "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "urn:oid:2.16.840.1.113883.6.285");
    public static final String MODIFIER_SYSTEM = "http://www.ama-assn.org/go/cpt-modifier";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String PLACE_OF_SERVICE =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";

    private FhirCodes() {
    }

    /** The first CPT/HCPCS coding of a concept, or null. */
    public static Coding procedureCoding(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        return concept.getCoding().stream()
                .filter(c -> c.hasSystem() && PROCEDURE_SYSTEMS.contains(c.getSystem()) && c.hasCode())
                .findFirst().orElse(null);
    }

    public static String codeIn(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        return concept.getCoding().stream()
                .filter(c -> system.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode).findFirst().orElse(null);
    }

    /** The date part of a FHIR date/dateTime, or null when absent or coarser than a day. */
    public static LocalDate day(BaseDateTimeType value) {
        if (value == null || value.getValue() == null
                || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }

    /**
     * The ICD-10-CM codes of an order's {@code reasonCode}s, for its line; each is also added to
     * {@code diagnoses} with the path it came from.
     */
    public static List<String> reasonDiagnoses(String resourceType, List<CodeableConcept> reasonCode,
            List<Diagnosis> diagnoses) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < reasonCode.size(); i++) {
            String icd = codeIn(reasonCode.get(i), ICD10CM);
            if (icd != null) {
                codes.add(icd);
                diagnoses.add(new Diagnosis(icd, ICD10CM, resourceType + ".reasonCode[" + i + "]"));
            }
        }
        return codes;
    }

    /** {@code Type/id}, or the Bundle fullUrl when the resource has no id. */
    public static String reference(Resource resource, String fullUrl) {
        if (resource.getIdElement().hasIdPart()) {
            return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        }
        return fullUrl;
    }
}
