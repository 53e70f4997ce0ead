package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.MpfsIndicator;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;

/**
 * Two units of a code whose MPFS bilateral surgery indicator is 1 (64616: one side) above an MUE
 * of 1 are most often both sides: the fix is one line with modifier 50, not "reduce to 1 unit",
 * which would drop the second side's payment adjustment.
 */
final class BilateralUnits {

    /** MPFS bilateral surgery indicator: 150% payment adjustment with modifier 50. */
    static final String BILATERAL_ADJUSTMENT = "1";

    private BilateralUnits() {
    }

    static Optional<Fix> fix(MueEdit mue, List<ServiceLine> lines, int units, RulePack pack) {
        boolean bilateralCode = pack.mpfs().find(mue.code()).map(MpfsIndicator::bilateralSurgeryIndicator)
                .filter(BILATERAL_ADJUSTMENT::equals).isPresent();
        if (!bilateralCode || mue.maxUnits() != 1 || units != 2) {
            return Optional.empty();
        }
        String fifty = pack.codeSets().codes(CodeSets.BILATERAL_MODIFIERS).stream().sorted().findFirst().orElse("50");
        if (lines.size() == 1) {
            ServiceLine line = lines.get(0);
            return Optional.of(new Fix("If both sides were injected, report " + mue.code() + " as 1 unit with modifier "
                    + fifty, List.of(new FixAction.SetUnits(line.index(), 1), new FixAction.AddModifier(line.index(), fifty))));
        }
        if (lines.size() != 2 || !lines.stream().allMatch(l -> l.units() == 1 && side(l, pack).isPresent())
                || side(lines.get(0), pack).equals(side(lines.get(1), pack))) {
            return Optional.empty();
        }
        ServiceLine kept = lines.get(0);
        List<FixAction> actions = new ArrayList<>();
        actions.add(new FixAction.RemoveLine(lines.get(1).index()));
        actions.add(new FixAction.RemoveModifier(kept.index(), side(kept, pack).orElseThrow()));
        actions.add(new FixAction.AddModifier(kept.index(), fifty));
        return Optional.of(new Fix("Report " + mue.code() + " once with modifier " + fifty + " for both sides, not as "
                + "a right and a left line", actions));
    }

    private static Optional<String> side(ServiceLine line, RulePack pack) {
        return line.modifiers().stream().filter(m -> pack.codeSets().contains(CodeSets.SIDE_MODIFIERS, m)).findFirst();
    }
}
