package org.chemoadvisor.policy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which policy profile applies. {@code payers} maps a payer (its identifier value, or its
 * display name, case-insensitive) to a profile id ({@code medicare} or {@code commercial}).
 */
@ConfigurationProperties(prefix = "chemo.policy")
public record PolicyProperties(@DefaultValue("medicare") String defaultProfile, Map<String, String> payers) {

    public PolicyProperties {
        payers = payers == null ? Map.of() : Map.copyOf(payers);
    }
}
