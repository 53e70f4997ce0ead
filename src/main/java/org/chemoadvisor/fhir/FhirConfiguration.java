package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import org.chemoadvisor.web.JsonLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR R4 context of the service: building it scans the model, so it is shared. */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    /**
     * HAPI 8.8.0 parses JSON with one static Jackson ObjectMapper built from Jackson's process-wide
     * default read limits when HAPI first parses JSON; it cannot be given limits per parser. So the
     * limits of {@code chemo.json.*} become those defaults here, before the context exists and so
     * before anything parses FHIR JSON. (Anything that parsed FHIR JSON earlier in the same JVM keeps
     * Jackson's own defaults; {@code ClaimRequestReader} checks the limits again for that reason.)
     */
    @Bean
    FhirContext fhirContext(JsonLimits limits) {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(limits.constraints());
        return FhirContext.forR4Cached();
    }

    /**
     * HAPI's instance validator over the base R4 specification; built once, shared. Its warm-up (seconds:
     * the R4 definitions) starts now, in the background, while the rest of the context starts.
     */
    @Bean
    StructuralValidator structuralValidator(FhirContext fhirContext, ValidatorProperties properties) {
        ValidatorNetworkAccess.prohibit();
        StructuralValidator validator = new StructuralValidator(fhirContext, properties.maxWait());
        validator.warmUp(WarmUpClaim.create());
        return validator;
    }
}
