package org.chemoadvisor.rules.derive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;

/**
 * What the documented muscles support.
 *
 * @param codes           derived codes in reporting order (primary limb, add-on limbs, trunk, neck)
 * @param musclesByRegion distinct muscles counted per region, in the order the regions were ranked
 * @param unplaced        muscles that could not be placed (unknown muscle or limb side not documented);
 *                        reported, never counted
 * @param regionsByCode   for each derived code, the region each of its units stands for, in order
 */
public record DerivedCodes(List<DerivedCode> codes, Map<Region, Integer> musclesByRegion,
        List<DocumentedMuscle> unplaced, Map<String, List<Region>> regionsByCode) {

    public DerivedCodes {
        codes = List.copyOf(codes);
        musclesByRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(musclesByRegion));
        unplaced = List.copyOf(unplaced);
        Map<String, List<Region>> regions = new LinkedHashMap<>();
        regionsByCode.forEach((code, list) -> regions.put(code, List.copyOf(list)));
        regionsByCode = java.util.Collections.unmodifiableMap(regions);
    }

    /** The regions the units of {@code code} stand for; empty when the code was not derived. */
    public List<Region> regionsOf(String code) {
        return regionsByCode.getOrDefault(code, List.of());
    }

    /** Units per code, for comparing with what was billed. */
    public Map<String, Integer> unitsByCode() {
        Map<String, Integer> units = new LinkedHashMap<>();
        codes.forEach(c -> units.merge(c.code(), c.units(), Integer::sum));
        return units;
    }

    /** "64644 + 64643 x 2" */
    public String describe() {
        return String.join(" + ", codes.stream()
                .map(c -> c.units() == 1 ? c.code() : c.code() + " x " + c.units()).toList());
    }
}
