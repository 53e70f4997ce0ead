package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.derive.DerivedCode;

/**
 * Turns a set of billed lines into a target code set with the fewest edits: a line already
 * carrying a target code keeps it (units adjusted), other lines are recoded, missing codes become
 * new lines modelled on the first billed line, and lines left over are removed. When the target
 * says which limb each code stands for and a line says which limb it is for, a code stays with
 * (or moves to) the line of its limb.
 */
final class CodeSetEdits {

    private CodeSetEdits() {
    }

    static List<FixAction> replace(List<ServiceLine> billed, List<DerivedCode> target) {
        return replace(billed, target, code -> List.of());
    }

    /** As {@link #replace(List, List)}; added units carry the regions they stand for (from documentation). */
    static List<FixAction> replace(List<ServiceLine> billed, List<DerivedCode> target,
            Function<String, List<Region>> regionsOf) {
        List<FixAction> actions = new ArrayList<>();
        List<ServiceLine> free = new ArrayList<>(billed);
        List<DerivedCode> unmatched = new ArrayList<>();
        for (DerivedCode code : target) {
            List<Region> regions = regionsOf.apply(code.code());
            // A line keeps its code only if it is for one of the limbs that code stands for (or its limb is unknown).
            ServiceLine same = free.stream().filter(l -> l.code().equals(code.code()) && fits(l, regions))
                    .findFirst().orElse(null);
            if (same == null) {
                unmatched.add(code);
            } else {
                free.remove(same);
                setUnits(actions, same, code, regionsOf);
            }
        }
        for (DerivedCode code : unmatched) {
            if (free.isEmpty()) {
                actions.add(new FixAction.AddLine(code.code(), code.units(), List.of(), billed.get(0).index(),
                        regionsOf.apply(code.code())));
            } else {
                List<Region> regions = regionsOf.apply(code.code());
                ServiceLine line = free.stream().filter(l -> l.limb() != null && regions.contains(l.limb())).findFirst()
                        .orElse(free.get(0));
                free.remove(line);
                actions.add(new FixAction.ChangeCode(line.index(), code.code()));
                setUnits(actions, line, code, regionsOf);
            }
        }
        free.forEach(line -> actions.add(new FixAction.RemoveLine(line.index())));
        return actions;
    }

    private static boolean fits(ServiceLine line, List<Region> regions) {
        return regions.isEmpty() || line.limb() == null || line.limb() == Region.UNSPECIFIED_LIMB
                || regions.contains(line.limb());
    }

    private static void setUnits(List<FixAction> actions, ServiceLine line, DerivedCode code,
            Function<String, List<Region>> regionsOf) {
        if (line.units() != code.units()) {
            actions.add(new FixAction.SetUnits(line.index(), code.units(), regionsOf.apply(code.code())));
        }
    }
}
