package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one FHIR R4 context of the service: building it scans the model, so it is shared. */
@Configuration(proxyBeanMethods = false)
public class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /** HAPI's instance validator over the base R4 specification; built once, shared. */
    @Bean
    StructuralValidator structuralValidator(FhirContext fhirContext) {
        return new StructuralValidator(fhirContext);
    }
}
