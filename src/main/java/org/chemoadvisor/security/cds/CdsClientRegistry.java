package org.chemoadvisor.security.cds;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trusted CDS clients by issuer, built and checked once at start-up from
 * {@code cds.security.clients}: a bad URL, an unknown or symmetric algorithm, a duplicate issuer
 * or a client without any key source stops start-up with a message naming the setting.
 */
public final class CdsClientRegistry {

    /** Asymmetric algorithms a client may be configured for; never {@code none} nor HMAC. */
    static final Set<JWSAlgorithm> CONFIGURABLE = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.RS256, JWSAlgorithm.RS384);

    private final Map<String, CdsClient> byIssuer;

    public CdsClientRegistry(List<CdsSecurityProperties.Client> clients, CdsSecurityProperties.Jwks jwks) {
        JwksSources sources = new JwksSources(jwks);
        Map<String, CdsClient> map = new LinkedHashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            CdsClient client = build(clients.get(i), "cds.security.clients[" + i + "]", sources);
            if (map.putIfAbsent(client.issuer(), client) != null) {
                throw new CdsSecurityConfigurationException("cds.security.clients[" + i + "].issuer '"
                        + client.issuer() + "' is registered twice");
            }
        }
        this.byIssuer = Map.copyOf(map);
    }

    Optional<CdsClient> find(String issuer) {
        return issuer == null ? Optional.empty() : Optional.ofNullable(byIssuer.get(issuer));
    }

    public int size() {
        return byIssuer.size();
    }

    private static CdsClient build(CdsSecurityProperties.Client config, String prefix, JwksSources sources) {
        if (config.issuer() == null || config.issuer().isBlank()) {
            throw new CdsSecurityConfigurationException(prefix + ".issuer is required");
        }
        Set<JWSAlgorithm> algorithms = algorithms(config.algorithms(), prefix + ".algorithms");
        JWSKeySelector<CdsTokenContext> configured = config.jwksUri() == null ? null
                : new JWSVerificationKeySelector<>(algorithms, sources.forUrl(config.jwksUri(), prefix + ".jwks-uri"));
        Map<String, JWSKeySelector<CdsTokenContext>> jku = new HashMap<>();
        for (int j = 0; j < config.jkuAllowlist().size(); j++) {
            String url = config.jkuAllowlist().get(j);
            jku.put(url.trim(), new JWSVerificationKeySelector<>(algorithms,
                    sources.forUrl(url, prefix + ".jku-allowlist[" + j + "]")));
        }
        if (configured == null && jku.isEmpty()) {
            throw new CdsSecurityConfigurationException(prefix + " (issuer '" + config.issuer()
                    + "') needs a jwks-uri or a jku-allowlist: there is nowhere to get its keys from");
        }
        String tenant = config.tenant() == null || config.tenant().isBlank() ? null : config.tenant();
        return new CdsClient(config.issuer(), algorithms, configured, Map.copyOf(jku), tenant);
    }

    private static Set<JWSAlgorithm> algorithms(List<String> names, String setting) {
        if (names.isEmpty()) {
            throw new CdsSecurityConfigurationException(setting + " is empty");
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (String name : names) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
            if (!CONFIGURABLE.contains(algorithm)) {
                throw new CdsSecurityConfigurationException(setting + " may list only ES256, ES384, RS256 and RS384,"
                        + " not '" + name + "'");
            }
            algorithms.add(algorithm);
        }
        return Set.copyOf(algorithms);
    }
}
