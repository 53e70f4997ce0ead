package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.AddOnEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-23: an add-on code of NCCI edit type 1 (only payable with one of its listed primaries)
 * with none of those primaries the same day. The general form of CHEMO-01, 02 and 10, which run
 * first and claim the same problem when they explain it. Error under Medicare, warning under
 * commercial.
 */
public final class Chemo23AddOnWithoutPrimary implements Rule {

    public static final String ID = "CHEMO-23";
    private static final int PRIMARIES_LISTED = 1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        Set<String> present = GuidanceLines.codes(day.lines());
        List<Finding> findings = new ArrayList<>();
        for (String code : present) {
            List<ServiceLine> lines = GuidanceLines.withCode(day, code);
            Set<String> primaries = listedPrimaries(pack, code, lines);
            if (!primaries.isEmpty() && primaries.stream().noneMatch(present::contains)) {
                findings.add(finding(day, code, lines, primaries, pack));
            }
        }
        return findings;
    }

    /** Primaries of the code's type 1 edits in force on the lines' date, in table order. */
    private static Set<String> listedPrimaries(RulePack pack, String code, List<ServiceLine> lines) {
        Set<String> primaries = new LinkedHashSet<>();
        for (AddOnEdit edit : pack.addOns().editsFor(code)) {
            if (edit.editType() == PRIMARIES_LISTED && edit.period().covers(GuidanceLines.dateOf(lines))) {
                primaries.add(edit.primaryCode());
            }
        }
        return primaries;
    }

    private Finding finding(CodingFacts day, String addOn, List<ServiceLine> lines, Set<String> primaries,
            RulePack pack) {
        String first = primaries.iterator().next();
        String listed = String.join(", ", primaries);
        String detail = "**What:** add-on code " + addOn + " is reported without any of its primary codes on the "
                + "same day.\n\n"
                + "**Why:** NCCI lists " + addOn + " as an add-on of edit type 1: it is paid only with one of "
                + "the listed primaries (" + listed + "), reported by the same practitioner the same day.\n\n"
                + "**Source:** " + pack.addOns().citation() + ".";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING),
                "Add-on " + addOn + " without any of its primary codes the same day",
                detail,
                List.of(pack.addOns().citation()),
                GuidanceLines.linePaths(lines),
                Fix.of("Add " + first + ", the first listed primary of " + addOn + ", or the listed primary performed",
                        new FixAction.AddLine(first, 1, List.of(), lines.get(0).index())),
                Set.of(GuidanceLines.aocKey(addOn)));
    }
}
