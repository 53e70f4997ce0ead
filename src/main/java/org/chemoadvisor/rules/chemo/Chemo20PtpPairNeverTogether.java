package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-20: an NCCI procedure-to-procedure pair with modifier indicator 0 on the same day: the
 * column 2 code is never paid with the column 1 code, whatever the modifiers. Error under
 * Medicare, warning under the commercial profile.
 */
public final class Chemo20PtpPairNeverTogether implements Rule {

    public static final String ID = "CHEMO-20";
    private static final int NEVER_TOGETHER = 0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        for (PtpEdit edit : GuidanceLines.ptpEditsPresent(day, pack)) {
            if (edit.modifierIndicator() == NEVER_TOGETHER) {
                findings.add(finding(day, edit, pack));
            }
        }
        return findings;
    }

    private Finding finding(CodingFacts day, PtpEdit edit, RulePack pack) {
        List<ServiceLine> column1 = GuidanceLines.withCode(day, edit.column1());
        List<ServiceLine> column2 = GuidanceLines.withCode(day, edit.column2());
        String detail = "**What:** " + edit.column1() + " (column 1) and " + edit.column2()
                + " (column 2) are reported on the same day.\n\n"
                + "**Why:** NCCI lists this pair with modifier indicator 0: the column 2 code is not paid "
                + "with the column 1 code, and no modifier changes that. Rationale in the table: "
                + edit.rationale() + ".\n\n"
                + "**Source:** " + pack.ptp().citation() + ".";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING),
                edit.column2() + " is not reportable with " + edit.column1() + " the same day (NCCI pair)",
                detail,
                List.of(pack.ptp().citation()),
                GuidanceLines.linePaths(GuidanceLines.union(column2, column1)),
                new Fix("Remove " + edit.column2() + ", the column 2 code of the pair",
                        GuidanceLines.removeAll(column2)),
                Set.of(GuidanceLines.ptpKey(edit.column1(), edit.column2())));
    }
}
