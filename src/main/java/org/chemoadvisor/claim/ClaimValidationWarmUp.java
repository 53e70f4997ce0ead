package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.Map;
import org.chemoadvisor.fhir.StructuralValidator;
import org.chemoadvisor.fhir.WarmUpClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Runs one synthetic Claim through the whole check before the server opens its port: the first
 * parse scans the model (~1.5 s) and the first instance validation loads the R4 definitions
 * (~5-8 s), which would otherwise fall on the first caller. The validator's part started in the
 * background when it was built ({@link StructuralValidator#warmUp}); this waits for it.
 */
@Component
class ClaimValidationWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClaimValidationWarmUp.class);

    private final FhirContext fhirContext;
    private final ClaimRequestReader reader;
    private final ClaimValidationService service;
    private final StructuralValidator structuralValidator;

    ClaimValidationWarmUp(FhirContext fhirContext, ClaimRequestReader reader, ClaimValidationService service,
            StructuralValidator structuralValidator) {
        this.fhirContext = fhirContext;
        this.reader = reader;
        this.service = service;
        this.structuralValidator = structuralValidator;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        structuralValidator.awaitWarmUp();
        String body = fhirContext.newJsonParser().encodeResourceToString(WarmUpClaim.create());
        service.validate(reader.read(body, EncodingEnum.JSON, Map.of()));
        log.info("Claim validation warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
