package org.chemoadvisor.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.facts.PolicyProfile;
import org.springframework.stereotype.Component;

/**
 * Chooses the policy profile for a request: an explicit choice from the caller, else the first
 * payer mapped in configuration, else the configured default.
 */
@Component
public class PolicyProfileResolver {

    private final PolicyProfile defaultProfile;
    private final Map<String, PolicyProfile> byPayer;

    public PolicyProfileResolver(PolicyProperties properties) {
        this.defaultProfile = PolicyProfile.fromId(properties.defaultProfile())
                .orElseThrow(() -> new IllegalArgumentException(
                        "chemo.policy.default-profile must be medicare or commercial, not " + properties.defaultProfile()));
        Map<String, PolicyProfile> map = new HashMap<>();
        properties.payers().forEach((payer, profile) -> map.put(normalize(payer), PolicyProfile.fromId(profile)
                .orElseThrow(() -> new IllegalArgumentException(
                        "chemo.policy.payers." + payer + " must be medicare or commercial, not " + profile))));
        this.byPayer = Map.copyOf(map);
    }

    public PolicyProfile defaultProfile() {
        return defaultProfile;
    }

    /**
     * @param explicit  a profile id the caller asked for, or null
     * @param payerKeys payer identifiers and names found in the request (Claim.insurance, Coverage.payor)
     */
    public PolicyProfile resolve(String explicit, Collection<String> payerKeys) {
        Optional<PolicyProfile> asked = PolicyProfile.fromId(explicit);
        if (asked.isPresent()) {
            return asked.get();
        }
        for (String key : payerKeys) {
            PolicyProfile mapped = key == null ? null : byPayer.get(normalize(key));
            if (mapped != null) {
                return mapped;
            }
        }
        return defaultProfile;
    }

    /** How payer keys are compared: trimmed, case-insensitive. */
    static String normalize(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }
}
