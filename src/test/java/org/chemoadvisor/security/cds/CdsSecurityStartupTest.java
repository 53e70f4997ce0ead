package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** A client setting that cannot work stops start-up with the setting named; with security off it is not read. */
class CdsSecurityStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CdsSecurityProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(Settings.class, CdsSecurityConfiguration.class)
            .withPropertyValues("cds.security.clients[0].issuer=https://ehr.test");

    @Test
    void anHttpJwksUriStopsStartUp() {
        context.withPropertyValues("cds.security.clients[0].jwks-uri=http://ehr.test/jwks.json")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .isInstanceOf(CdsSecurityConfigurationException.class)
                        .hasMessageContaining("cds.security.clients[0].jwks-uri must be an https: or file: URL"));
    }

    @Test
    void aMissingJwksFileStopsStartUp() {
        context.withPropertyValues("cds.security.clients[0].jwks-uri=file:/nonexistent/ehr-jwks.json")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("cds.security.clients[0].jwks-uri names no readable file"));
    }

    @Test
    void aRelativeFileUrlStopsStartUp() {
        context.withPropertyValues("cds.security.clients[0].jwks-uri=file:keys/ehr-jwks.json")
                .run(started -> assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("use an absolute path"));
    }

    @Test
    void withSecurityOffTheClientsAreNotChecked() {
        context.withPropertyValues("cds.security.enabled=false",
                        "cds.security.clients[0].jwks-uri=http://ehr.test/jwks.json")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(CdsClientRegistry.class));
    }

    @Test
    void anHttpsJwksUriIsAcceptedWithoutBeingFetchedAtStartUp() {
        context.withPropertyValues("cds.security.clients[0].jwks-uri=https://ehr.invalid/jwks.json")
                .run(started -> assertThat(started).hasNotFailed().hasSingleBean(CdsClientRegistry.class));
    }
}
