package org.chemoadvisor.facts;

import java.util.Locale;
import java.util.Optional;

/**
 * Which coding authority binds: {@code MEDICARE} (CMS tables are binding) or {@code COMMERCIAL}
 * (CPT conventions; CMS tables only warn). See RULES.md, "Policy profiles".
 */
public enum PolicyProfile {
    MEDICARE,
    COMMERCIAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PolicyProfile> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (PolicyProfile p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
