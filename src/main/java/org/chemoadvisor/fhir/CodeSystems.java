package org.chemoadvisor.fhir;

import java.util.Set;

/** Canonical URLs of the billing code systems a Claim carries. */
public final class CodeSystems {

    public static final String CPT = "http://www.ama-assn.org/go/cpt";
    public static final String HCPCS = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    /** The same system as {@link #HCPCS}, spelled with http as some senders do. */
    public static final String HCPCS_HTTP = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
    public static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String PLACE_OF_SERVICE =
            "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set";
    public static final String CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type";

    /** Systems whose codes HAPI cannot check locally (licensed or not shipped with the core). */
    public static final Set<String> NOT_CHECKED_LOCALLY = Set.of(CPT, HCPCS, HCPCS_HTTP, ICD_10_CM, PLACE_OF_SERVICE);

    /** Systems whose codes are procedure codes (CPT or HCPCS). */
    public static final Set<String> PROCEDURE_CODES = Set.of(CPT, HCPCS, HCPCS_HTTP);

    private CodeSystems() {
    }
}
