package org.chemoadvisor.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR endpoint under {@code /fhir}.
 *
 * @param maxRequestSize  largest request body accepted (after gzip is inflated); larger bodies get 413
 *                        before any parsing
 * @param maxClaimItems   most {@code Claim.item} entries a {@code $validate} accepts: a professional
 *                        claim carries at most 50 service lines, so twice that leaves room
 * @param maxRepetitions  most entries of any other repeating element (Bundle.entry, Claim.diagnosis,
 *                        item.modifier, Procedure.bodySite, ...): what validation costs grows with them
 */
@ConfigurationProperties(prefix = "chemo.fhir")
public record FhirServerProperties(@DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("100") int maxClaimItems, @DefaultValue("100") int maxRepetitions) {
}
