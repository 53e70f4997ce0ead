package org.chemoadvisor.security.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** What the shipped configuration files say, bound exactly as the application binds them. */
class CdsSecuritySettingsTest {

    @Test
    void theMainConfigurationHasSecurityOnWithNoCorsAndBoundedTokens() throws IOException {
        CdsSecurityProperties settings = bind("application.yml");

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.cors().allowedOrigins()).isEmpty();
        assertThat(settings.clients()).isEmpty();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theDemoProfileTurnsSecurityOff() throws IOException {
        assertThat(bind("application-demo.yml").enabled()).isFalse();
    }

    private static CdsSecurityProperties bind(String file) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file))
                .forEach(environment.getPropertySources()::addLast);
        return new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("cds.security", CdsSecurityProperties.class);
    }
}
