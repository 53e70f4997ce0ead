package org.chemoadvisor.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /** After the security filters (default order): with security on, a request to /error without a token is 401. */
    @Bean
    FilterRegistrationBean<DirectErrorRequestFilter> directErrorRequests(ServerProperties server) {
        FilterRegistrationBean<DirectErrorRequestFilter> registration =
                new FilterRegistrationBean<>(new DirectErrorRequestFilter());
        registration.addUrlPatterns(server.getError().getPath());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
