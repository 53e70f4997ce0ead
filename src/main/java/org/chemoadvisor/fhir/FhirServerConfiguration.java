package org.chemoadvisor.fhir;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.chemoadvisor.web.BodyLimits;
import org.chemoadvisor.web.BodyReadClock;
import org.chemoadvisor.web.HttpProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.chemoadvisor.fhir.terminology.CapabilityStatementCustomizer;
import org.chemoadvisor.fhir.terminology.PublishedOperationDefinitions;
import org.chemoadvisor.fhir.terminology.PublishedResources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
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
    static final String SERVICE_NAME = "Chemodenervation coding advisor";

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext fhirContext, List<FhirOperationProvider> providers,
            PublishedResources published, ObjectProvider<BuildProperties> build) {
        RestfulServer server = new RestfulServer(fhirContext) {
            @Override
            public void init(ServletConfig config) throws ServletException {
                super.init(config);
                // The method bindings exist only once HAPI's init has scanned the providers.
                OperationBodyPreParse.skipFor(this, providers);
            }

            @Override
            public void addHeadersToResponse(HttpServletResponse response) {
                // No X-Powered-By: naming the server software and its version helps only an attacker.
            }
        };
        server.setServerName(SERVICE_NAME);
        String version = build.getIfAvailable() == null ? "development" : build.getIfAvailable().getVersion();
        server.setServerVersion(version);
        server.setImplementationDescription(SERVICE_NAME);
        server.registerProviders(List.copyOf(providers));
        server.registerInterceptor(new FhirErrorInterceptor());
        server.registerInterceptor(new CapabilityStatementCustomizer(SERVICE_NAME, version, published));
        server.setServerConformanceProvider(new PublishedOperationDefinitions(server, published));
        // FhirBodyPolicyFilter inflates gzip bodies within the size limit; HAPI's own inflation has none.
        server.setUncompressIncomingContents(false);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, URL_MAPPING);
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<FhirBodyPolicyFilter> fhirBodyPolicy(FhirContext fhirContext,
            FhirServerProperties properties, HttpProperties http,
            ObjectProvider<BodyReadClock> clock) {
        BodyLimits limits = new BodyLimits(properties.maxRequestSize().toBytes(), "chemo.fhir.max-request-size",
                http.bodyReadTimeout(), clock.getIfAvailable(() -> BodyReadClock.SYSTEM));
        FilterRegistrationBean<FhirBodyPolicyFilter> registration = new FilterRegistrationBean<>(
                new FhirBodyPolicyFilter(fhirContext, limits));
        registration.addUrlPatterns(URL_MAPPING);
        return registration;
    }
}
