package org.chemoadvisor.fhir;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chemo.validator.*}: how long a structural validation waits for a pooled validator. */
@ConfigurationProperties("chemo.validator")
public record ValidatorProperties(@DefaultValue("10s") Duration maxWait) {
}
