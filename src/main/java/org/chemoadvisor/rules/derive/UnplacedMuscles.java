package org.chemoadvisor.rules.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;

/**
 * Whether muscles the service could not place (an unknown name, a limb muscle without side) could
 * make the documentation support the codes reported. Each is tried in every region it could belong
 * to; if some placement derives exactly the reported codes, a mismatch is not certain and no recode
 * may be advised.
 */
public final class UnplacedMuscles {

    /** Beyond this many distinct unplaced muscles the search is not run: anything could change. */
    static final int MAX_SEARCHED = 5;
    private static final List<Region> LIMBS = List.of(Region.LEFT_UPPER_LIMB, Region.RIGHT_UPPER_LIMB,
            Region.LEFT_LOWER_LIMB, Region.RIGHT_LOWER_LIMB);
    private static final List<Region> ANY = List.of(Region.LEFT_UPPER_LIMB, Region.RIGHT_UPPER_LIMB,
            Region.LEFT_LOWER_LIMB, Region.RIGHT_LOWER_LIMB, Region.TRUNK, Region.NECK);

    private UnplacedMuscles() {
    }

    public static boolean couldSupport(MuscleCodeDerivation derivation, List<DocumentedMuscle> muscles,
            Map<String, Integer> reportedUnits) {
        List<DocumentedMuscle> placed = new ArrayList<>();
        Map<String, DocumentedMuscle> unplaced = new LinkedHashMap<>();
        for (DocumentedMuscle muscle : muscles) {
            if (muscle.region() == null || muscle.region() == Region.UNSPECIFIED_LIMB) {
                unplaced.putIfAbsent(muscle.muscleId(), muscle);
            } else {
                placed.add(muscle);
            }
        }
        if (unplaced.isEmpty()) {
            return derivation.derive(placed).unitsByCode().equals(reportedUnits);
        }
        if (unplaced.size() > MAX_SEARCHED) {
            return true;
        }
        return search(derivation, placed, new ArrayList<>(unplaced.values()), 0, reportedUnits);
    }

    private static boolean search(MuscleCodeDerivation derivation, List<DocumentedMuscle> placed,
            List<DocumentedMuscle> unplaced, int next, Map<String, Integer> reportedUnits) {
        if (next == unplaced.size()) {
            return derivation.derive(placed).unitsByCode().equals(reportedUnits);
        }
        DocumentedMuscle muscle = unplaced.get(next);
        for (Region region : muscle.region() == Region.UNSPECIFIED_LIMB ? LIMBS : ANY) {
            List<DocumentedMuscle> tried = new ArrayList<>(placed);
            tried.add(new DocumentedMuscle(muscle.muscleId(), muscle.name(), region, muscle.path(), muscle.date()));
            if (search(derivation, tried, unplaced, next + 1, reportedUnits)) {
                return true;
            }
        }
        return false;
    }
}
