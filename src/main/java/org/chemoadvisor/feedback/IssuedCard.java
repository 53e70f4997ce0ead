package org.chemoadvisor.feedback;

import java.time.Instant;

/**
 * A card the service issued, recorded so that feedback can be tied to the rule. Holds no
 * patient data.
 */
public record IssuedCard(String cardUuid, String ruleId, String serviceId, Instant issuedAt) {
}
