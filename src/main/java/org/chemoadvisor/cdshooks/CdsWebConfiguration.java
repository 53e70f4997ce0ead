package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.chemoadvisor.web.BodyLimits;
import org.chemoadvisor.web.BodyReadClock;
import org.chemoadvisor.web.HttpProperties;
import org.chemoadvisor.web.JsonBodyPolicyFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsRequestProperties.class)
class CdsWebConfiguration {

    /** After Spring Security's chain (-100); the body policy wraps the request before a call is read. */
    static final int BODY_POLICY_ORDER = Ordered.LOWEST_PRECEDENCE - 10;
    static final int SERVICE_CALL_ORDER = Ordered.LOWEST_PRECEDENCE - 5;

    @Bean
    FilterRegistrationBean<JsonBodyPolicyFilter> cdsBodyPolicy(CdsRequestProperties properties, HttpProperties http,
            ObjectProvider<BodyReadClock> clock) {
        BodyLimits limits = new BodyLimits(properties.maxRequestSize().toBytes(), "cds.max-request-size",
                http.bodyReadTimeout(), clock.getIfAvailable(() -> BodyReadClock.SYSTEM));
        FilterRegistrationBean<JsonBodyPolicyFilter> registration = new FilterRegistrationBean<>(
                new JsonBodyPolicyFilter(limits));
        registration.addUrlPatterns("/cds-services/*");
        registration.setOrder(BODY_POLICY_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CdsServiceCallFilter> cdsServiceCalls(CdsServiceCatalog catalog, CdsHooksService service,
            ObjectMapper json, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors,
            CdsServicesController controller) {
        FilterRegistrationBean<CdsServiceCallFilter> registration = new FilterRegistrationBean<>(
                new CdsServiceCallFilter(catalog, service, json, errors, controller));
        registration.addUrlPatterns("/cds-services/*");
        registration.setOrder(SERVICE_CALL_ORDER);
        return registration;
    }
}
