package org.chemoadvisor.cdshooks;

import org.chemoadvisor.web.BodyLimits;
import org.chemoadvisor.web.BodyReadClock;
import org.chemoadvisor.web.HttpProperties;
import org.chemoadvisor.web.JsonBodyPolicyFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsRequestProperties.class)
class CdsWebConfiguration {

    @Bean
    FilterRegistrationBean<JsonBodyPolicyFilter> cdsBodyPolicy(CdsRequestProperties properties, HttpProperties http,
            ObjectProvider<BodyReadClock> clock) {
        BodyLimits limits = new BodyLimits(properties.maxRequestSize().toBytes(), "cds.max-request-size",
                http.bodyReadTimeout(), clock.getIfAvailable(() -> BodyReadClock.SYSTEM));
        FilterRegistrationBean<JsonBodyPolicyFilter> registration = new FilterRegistrationBean<>(
                new JsonBodyPolicyFilter(limits));
        registration.addUrlPatterns("/cds-services/*");
        return registration;
    }
}
