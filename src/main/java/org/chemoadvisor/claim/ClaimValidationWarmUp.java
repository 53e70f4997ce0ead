package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.Map;
import org.chemoadvisor.fhir.CodeSystems;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs one synthetic Claim through the whole check before the server opens its port: the first
 * parse scans the model (~1.5 s) and the first instance validation loads the R4 definitions
 * (~8 s), which would otherwise fall on the first caller.
 */
@Component
class ClaimValidationWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClaimValidationWarmUp.class);

    private final FhirContext fhirContext;
    private final ClaimRequestReader reader;
    private final ClaimValidationService service;

    ClaimValidationWarmUp(FhirContext fhirContext, ClaimRequestReader reader, ClaimValidationService service) {
        this.fhirContext = fhirContext;
        this.reader = reader;
        this.service = service;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        String body = fhirContext.newJsonParser().encodeResourceToString(syntheticClaim());
        service.validate(reader.read(body, EncodingEnum.JSON, Map.of()));
        log.info("Claim validation warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static Claim syntheticClaim() {
        Claim claim = new Claim();
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setUse(Claim.Use.CLAIM);
        claim.setType(new CodeableConcept().addCoding(
                new Coding(CodeSystems.CLAIM_TYPE, "professional", null)));
        claim.setPatient(new Reference().setDisplay("warm-up"));
        claim.setProvider(new Reference().setDisplay("warm-up"));
        claim.setCreatedElement(new DateTimeType("2024-01-01"));
        claim.setPriority(new CodeableConcept().setText("normal"));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay("warm-up"));
        claim.addItem().setSequence(1)
                .setProductOrService(new CodeableConcept().addCoding(
                        new Coding(CodeSystems.CPT, "64644", null)))
                .setServiced(new DateType("2024-01-01"));
        return claim;
    }
}
