package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-11: both guidance methods (electrical stimulation and needle EMG) the same day. One
 * session is guided one way; error under both profiles.
 */
public final class Chemo11TwoGuidanceMethods implements Rule {

    public static final String ID = "CHEMO-11";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<String> methods = new ArrayList<>(GuidanceLines.codes(GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE)));
        if (methods.size() < 2) {
            return List.of();
        }
        methods.sort(null);
        String first = methods.get(0);
        String second = methods.get(1);
        List<ServiceLine> firstLines = GuidanceLines.withCode(day, first);
        List<ServiceLine> secondLines = GuidanceLines.withCode(day, second);
        Optional<PtpEdit> edit = pack.ptp().findEitherOrder(first, second, GuidanceLines.dateOf(day.lines()));
        // The fix removes the code NCCI puts in column 2 (the one that is denied); without a pair in
        // the table, the lower code is the default proposal. The label asks to keep the one used.
        String remove = edit.map(PtpEdit::column2).orElse(first);
        String keep = remove.equals(first) ? second : first;
        List<ServiceLine> removed = remove.equals(first) ? firstLines : secondLines;
        String detail = "**What:** guidance codes " + first + " and " + second + " are both reported on the "
                + "same day.\n\n"
                + "**Why:** a chemodenervation session is guided by one method, electrical stimulation or "
                + "needle EMG; only the method actually used is reportable, and NCCI pairs the two codes as "
                + "never billed together.\n\n"
                + "**Source:** " + pack.ptp().citation() + (edit.isPresent() ? " (column 1 " + edit.get().column1()
                + ", column 2 " + edit.get().column2() + ", modifier indicator " + edit.get().modifierIndicator()
                + ")" : "") + "; " + pack.codeSets().citation(CodeSets.GUIDANCE) + ".";
        return List.of(new Finding(ID, Severity.ERROR,
                "Two guidance methods (" + first + " and " + second + ") the same day: report only the one used",
                detail,
                List.of(pack.ptp().citation(), pack.codeSets().citation(CodeSets.GUIDANCE)),
                GuidanceLines.linePaths(GuidanceLines.union(firstLines, secondLines)),
                new Fix("Keep the guidance method actually used: remove " + remove + " if " + keep
                        + " was the method performed", GuidanceLines.removeAll(removed)),
                Set.of(GuidanceLines.ptpKey(first, second))));
    }
}
