package org.chemoadvisor.security.cds;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CDS client token verifier, built only when {@code cds.security.enabled} is true (the default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cds.security.enabled", havingValue = "true", matchIfMissing = true)
class CdsSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CdsSecurityConfiguration.class);

    @Bean
    CdsClientRegistry cdsClientRegistry(CdsSecurityProperties properties) {
        CdsClientRegistry registry = new CdsClientRegistry(properties.clients(), properties.jwks());
        if (registry.size() == 0) {
            log.warn("No CDS clients registered (cds.security.clients): every /cds-services call will be refused"
                    + " with 401. See the README's Security section to register an EHR.");
        }
        return registry;
    }

    @Bean
    CdsAuthenticationManagerResolver cdsAuthenticationManagerResolver(CdsClientRegistry registry,
            CdsSecurityProperties properties) {
        Clock clock = Clock.systemUTC();
        ReplayCache replayCache = new ReplayCache(properties.replayCacheSize(), clock);
        CdsClientTokenVerifier verifier = new CdsClientTokenVerifier(registry, replayCache, properties, clock);
        return new CdsAuthenticationManagerResolver(verifier, properties.publicBaseUrl());
    }

    @Bean
    CdsAuthenticationEntryPoint cdsAuthenticationEntryPoint(ObjectMapper json) {
        return new CdsAuthenticationEntryPoint(json);
    }
}
