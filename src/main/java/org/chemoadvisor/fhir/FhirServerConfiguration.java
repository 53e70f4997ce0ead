package org.chemoadvisor.fhir;

import jakarta.servlet.http.HttpServletResponse;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.chemoadvisor.web.BodyLimits;
import org.chemoadvisor.web.HttpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RESTful server at {@code /fhir/*}: it answers {@code /fhir/metadata}, negotiates
 * JSON and XML, and renders FHIR errors as OperationOutcomes.
 */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

    static final String URL_MAPPING = "/fhir/*";

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhirContext, List<FhirOperationProvider> providers) {
        RestfulServer server = new RestfulServer(fhirContext) {
            @Override
            public void addHeadersToResponse(HttpServletResponse response) {
                // No X-Powered-By: naming the server software and its version helps only an attacker.
            }
        };
        server.setServerName("Chemodenervation coding advisor");
        server.registerProviders(List.copyOf(providers));
        server.registerInterceptor(new FhirErrorInterceptor());
        // FhirBodyPolicyFilter inflates gzip bodies within the size limit; HAPI's own inflation has none.
        server.setUncompressIncomingContents(false);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, URL_MAPPING);
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FhirBodyPolicyFilter> fhirBodyPolicy(FhirContext fhirContext,
            FhirServerProperties properties, HttpProperties http) {
        BodyLimits limits = new BodyLimits(properties.maxRequestSize().toBytes(), "chemo.fhir.max-request-size",
                http.bodyReadTimeout());
        FilterRegistrationBean<FhirBodyPolicyFilter> registration = new FilterRegistrationBean<>(
                new FhirBodyPolicyFilter(fhirContext, limits));
        registration.addUrlPatterns(URL_MAPPING);
        return registration;
    }
}
