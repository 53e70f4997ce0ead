package org.chemoadvisor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.chemoadvisor.security.cds.CdsSecurityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

@ExtendWith(OutputCaptureExtension.class)
class SecurityDisabledWarningTest {

    @Test
    void runningWithoutSecurityIsAnnouncedLoudly(CapturedOutput output) {
        new SecurityDisabledWarning(settings(false)).warnIfDisabled();

        assertThat(output.getAll()).contains("WARN").contains("SECURITY IS OFF (cds.security.enabled=false)")
                .contains("WITHOUT any token");
    }

    @Test
    void runningWithSecuritySaysNothing(CapturedOutput output) {
        new SecurityDisabledWarning(settings(true)).warnIfDisabled();

        assertThat(output.getAll()).doesNotContain("SECURITY IS OFF");
    }

    @Test
    void allowedBrowserOriginsAreSaidAtStart(CapturedOutput output) {
        new SecurityDisabledWarning(settings(false, List.of("http://localhost:[*]"))).warnIfDisabled();

        assertThat(output.getAll()).contains("Browser clients (CORS) allowed").contains("http://localhost:[*]");
    }

    @Test
    void withoutAllowedOriginsNothingIsSaidAboutCors(CapturedOutput output) {
        new SecurityDisabledWarning(settings(false)).warnIfDisabled();

        assertThat(output.getAll()).doesNotContain("CORS");
    }

    private static CdsSecurityProperties settings(boolean enabled) {
        return settings(enabled, List.of());
    }

    private static CdsSecurityProperties settings(boolean enabled, List<String> originPatterns) {
        return new CdsSecurityProperties(enabled, null, List.of(), Duration.ofSeconds(60), Duration.ofMinutes(5), 10,
                new CdsSecurityProperties.Jwks(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2),
                        Duration.ofSeconds(2), DataSize.ofKilobytes(64)),
                new CdsSecurityProperties.Cors(List.of(), originPatterns, Duration.ofMinutes(30)));
    }
}
