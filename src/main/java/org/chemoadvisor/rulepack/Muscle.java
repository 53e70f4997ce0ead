package org.chemoadvisor.rulepack;

import java.util.List;
import java.util.Objects;

/**
 * One row of the muscle table.
 *
 * @param id          stable identity used to count distinct muscles
 * @param name        display name
 * @param region      where the muscle is counted
 * @param segment     finer place (shoulder, arm, forearm, hand, hip, thigh, leg, foot, trunk, paraspinal, neck)
 * @param snomedCode  SNOMED CT body structure code, or null when none could be verified
 * @param synonyms    other names matched in text
 * @param codeSource  where the SNOMED CT code was found, or null
 */
public record Muscle(String id, String name, MuscleRegion region, String segment, String snomedCode,
        List<String> synonyms, String codeSource) {

    public Muscle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        synonyms = List.copyOf(synonyms == null ? List.of() : synonyms);
    }
}
