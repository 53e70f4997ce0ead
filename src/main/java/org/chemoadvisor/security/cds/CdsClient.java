package org.chemoadvisor.security.cds;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A registered CDS client: the algorithms it may sign with and where its keys come from (its
 * configured JWKS, or a {@code jku} from its allowlist).
 */
record CdsClient(String issuer, Set<JWSAlgorithm> algorithms, JWSKeySelector<CdsTokenContext> configuredKeys,
        Map<String, JWSKeySelector<CdsTokenContext>> allowlistedJkuKeys, String tenant) {

    /** The keys for a token: its {@code jku}'s if it names one (empty if not allowlisted), else the configured set. */
    Optional<JWSKeySelector<CdsTokenContext>> keysFor(String jku) {
        if (jku == null) {
            return Optional.ofNullable(configuredKeys);
        }
        return Optional.ofNullable(allowlistedJkuKeys.get(jku));
    }
}
