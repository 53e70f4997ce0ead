package org.chemoadvisor.security;

import org.chemoadvisor.security.cds.CdsSecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, loudly, when the service runs without authentication, and which browser origins may call it. */
@Component
class SecurityDisabledWarning {

    private static final Logger log = LoggerFactory.getLogger(SecurityDisabledWarning.class);

    private final CdsSecurityProperties properties;

    SecurityDisabledWarning(CdsSecurityProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warnIfDisabled() {
        if (!properties.enabled()) {
            log.warn("""

                    ************************************************************************
                    *  SECURITY IS OFF (cds.security.enabled=false)                        *
                    *  /cds-services, /fhir, /feedback/report and the actuator accept      *
                    *  requests WITHOUT any token. For local demos only: never expose      *
                    *  this service to a network or send it real patient data like this.   *
                    ************************************************************************""");
        }
        CdsSecurityProperties.Cors cors = properties.cors();
        if (cors.any()) {
            log.info("Browser clients (CORS) allowed from origins {} and origin patterns {}",
                    cors.allowedOrigins(), cors.allowedOriginPatterns());
        }
    }
}
