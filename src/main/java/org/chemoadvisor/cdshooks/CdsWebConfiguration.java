package org.chemoadvisor.cdshooks;

import org.chemoadvisor.web.JsonBodySizeLimitFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsRequestProperties.class)
class CdsWebConfiguration {

    @Bean
    FilterRegistrationBean<JsonBodySizeLimitFilter> cdsRequestSizeLimit(CdsRequestProperties properties) {
        FilterRegistrationBean<JsonBodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new JsonBodySizeLimitFilter(properties.maxRequestSize().toBytes(), "cds.max-request-size"));
        registration.addUrlPatterns("/cds-services/*");
        return registration;
    }
}
