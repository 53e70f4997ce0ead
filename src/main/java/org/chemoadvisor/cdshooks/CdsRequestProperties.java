package org.chemoadvisor.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code cds.max-request-size}: the largest CDS Hooks request body (service calls and feedback). */
@ConfigurationProperties("cds")
public record CdsRequestProperties(@DefaultValue("5MB") DataSize maxRequestSize) {
}
