package org.chemoadvisor.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR endpoint under {@code /fhir}.
 *
 * @param maxRequestSize  largest request body accepted; larger bodies get 413 before any parsing
 */
@ConfigurationProperties(prefix = "chemo.fhir")
public record FhirServerProperties(@DefaultValue("5MB") DataSize maxRequestSize) {
}
