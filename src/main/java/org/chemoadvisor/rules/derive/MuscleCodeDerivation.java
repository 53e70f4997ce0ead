package org.chemoadvisor.rules.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.CodeSets;

/**
 * Derives the chemodenervation codes the documented muscles support (RULES.md, "Deriving codes
 * from documentation"): distinct muscles counted per limb, the limb with the most muscles is the
 * first limb (5+ muscles or 1-4), every other limb an add-on of its own tier (at most 3), trunk
 * and neck counted apart and never mixed into a limb. Every region counts distinct muscles per side: a
 * limb is one side, and a trunk or neck muscle read with a side carries it in its id (left and right
 * rectus abdominis are two; see muscles.csv). Codes come from the rule pack's code sets.
 */
public final class MuscleCodeDerivation {

    /** CPT allows one first limb and at most three additional limbs per session. */
    static final int MAX_ADD_ON_LIMBS = 3;
    static final int LIMB_5_PLUS = 5;
    static final int TRUNK_6_PLUS = 6;

    private final CodeSets sets;

    public MuscleCodeDerivation(CodeSets sets) {
        this.sets = sets;
    }

    public DerivedCodes derive(List<DocumentedMuscle> muscles) {
        Map<Region, Set<String>> distinct = new EnumMap<>(Region.class);
        List<DocumentedMuscle> unplaced = new ArrayList<>();
        for (DocumentedMuscle muscle : muscles) {
            if (muscle.region() == null || muscle.region() == Region.UNSPECIFIED_LIMB) {
                unplaced.add(muscle);
            } else {
                distinct.computeIfAbsent(muscle.region(), r -> new LinkedHashSet<>()).add(muscle.muscleId());
            }
        }
        Map<Region, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Region>> regions = new LinkedHashMap<>();
        limbs(distinct, counts, regions);
        count(distinct, Region.TRUNK, counts).ifPresent(n -> regions.computeIfAbsent(
                sets.single(n >= TRUNK_6_PLUS ? CodeSets.TRUNK_6_PLUS : CodeSets.TRUNK_1_TO_5),
                c -> new ArrayList<>()).add(Region.TRUNK));
        count(distinct, Region.NECK, counts).ifPresent(n -> regions.computeIfAbsent(sets.single(CodeSets.NECK),
                c -> new ArrayList<>()).add(Region.NECK));
        List<DerivedCode> codes = new ArrayList<>();
        regions.forEach((code, units) -> codes.add(new DerivedCode(code, units.size())));
        return new DerivedCodes(codes, counts, unplaced, regions);
    }

    /** Adds each limb's code to {@code regions} (code -> the limb of each unit): first limb, then add-ons. */
    private void limbs(Map<Region, Set<String>> distinct, Map<Region, Integer> counts,
            Map<String, List<Region>> regions) {
        // Most muscles first; ties keep the Region order so the result never depends on input order.
        List<Region> limbs = distinct.keySet().stream().filter(Region::isLimb)
                .sorted(Comparator.comparingInt((Region r) -> -distinct.get(r).size()).thenComparing(Region::ordinal))
                .limit(1 + MAX_ADD_ON_LIMBS).toList();
        for (int i = 0; i < limbs.size(); i++) {
            int n = distinct.get(limbs.get(i)).size();
            counts.put(limbs.get(i), n);
            String set = i == 0
                    ? (n >= LIMB_5_PLUS ? CodeSets.LIMB_PRIMARY_5_PLUS : CodeSets.LIMB_PRIMARY_1_TO_4)
                    : (n >= LIMB_5_PLUS ? CodeSets.LIMB_ADDON_5_PLUS : CodeSets.LIMB_ADDON_1_TO_4);
            regions.computeIfAbsent(sets.single(set), c -> new ArrayList<>()).add(limbs.get(i));
        }
    }

    private static Optional<Integer> count(Map<Region, Set<String>> distinct, Region region,
            Map<Region, Integer> counts) {
        Set<String> muscles = distinct.get(region);
        if (muscles == null || muscles.isEmpty()) {
            return Optional.empty();
        }
        counts.put(region, muscles.size());
        return Optional.of(muscles.size());
    }
}
