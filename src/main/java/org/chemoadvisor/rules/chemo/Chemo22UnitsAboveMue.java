package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-22: units of a code above its medically unlikely edit. Adjudication indicator 1 is a
 * line edit (each line on its own); 2 and 3 are per-day edits (units of all lines summed).
 * Under Medicare indicators 1 and 2 are errors (claim lines are denied, 2 is absolute policy)
 * and 3 a warning (clinical, appealable with documentation); under commercial all warn.
 */
public final class Chemo22UnitsAboveMue implements Rule {

    public static final String ID = "CHEMO-22";
    private static final int LINE_EDIT = 1;
    private static final int CLINICAL_DAY_EDIT = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        for (String code : GuidanceLines.codes(day.lines())) {
            // Under the commercial profile the guidance cap is CPT's (one per chemodenervation code),
            // decided by CHEMO-12; the Medicare MUE would contradict it there.
            if (day.profile() == PolicyProfile.COMMERCIAL && pack.codeSets().contains(CodeSets.GUIDANCE, code)) {
                continue;
            }
            pack.mue().find(code).ifPresent(mue -> check(day, mue, GuidanceLines.withCode(day, code), pack, findings));
        }
        return findings;
    }

    private void check(CodingFacts day, MueEdit mue, List<ServiceLine> lines, RulePack pack, List<Finding> out) {
        if (mue.adjudicationIndicator() == LINE_EDIT) {
            List<ServiceLine> over = lines.stream().filter(l -> l.units() > mue.maxUnits()).toList();
            if (!over.isEmpty()) {
                out.add(finding(day, mue, over, over.stream().mapToInt(ServiceLine::units).max().orElse(0),
                        lineFix(over, mue), pack));
            }
            return;
        }
        int units = GuidanceLines.units(lines);
        if (units > mue.maxUnits()) {
            Fix fix = pack.codeSets().contains(CodeSets.TOXIN, mue.code())
                    ? ToxinUnits.fix(mue, lines, units, pack)
                    : BilateralUnits.fix(mue, lines, units, pack)
                            .orElseGet(() -> GuidanceLines.reduceUnitsTo(lines, mue.maxUnits(), mue.code()));
            out.add(finding(day, mue, lines, units, fix, pack));
        }
    }

    private static Fix lineFix(List<ServiceLine> over, MueEdit mue) {
        if (over.size() == 1) {
            return GuidanceLines.reduceUnitsTo(over, mue.maxUnits(), mue.code());
        }
        return Fix.advice("Report at most " + mue.maxUnits() + " units of " + mue.code() + " on each line");
    }

    private Finding finding(CodingFacts day, MueEdit mue, List<ServiceLine> lines, int units, Fix fix,
            RulePack pack) {
        String scope = mue.adjudicationIndicator() == LINE_EDIT ? "per line" : "per day";
        Severity medicare = mue.adjudicationIndicator() == CLINICAL_DAY_EDIT ? Severity.WARNING : Severity.ERROR;
        String detail = "**What:** " + mue.code() + " is reported with " + units + " units "
                + (mue.adjudicationIndicator() == LINE_EDIT ? "on one line" : "on one day") + "; the MUE is "
                + mue.maxUnits() + " " + scope + ".\n\n"
                + "**Why:** the medically unlikely edit (adjudication indicator " + mue.adjudicationIndicator()
                + ", " + indicatorMeaning(mue.adjudicationIndicator()) + ") caps the units a provider reports "
                + scope + " for one patient. Rationale in the table: " + mue.rationale() + ".\n\n"
                + ToxinUnits.paragraph(mue.code(), units, pack)
                + "**Source:** " + pack.mue().citation() + ".";
        return new Finding(ID, GuidanceLines.severity(day, medicare, Severity.WARNING),
                mue.code() + ": " + units + " units reported, above its MUE of " + mue.maxUnits() + " " + scope,
                detail,
                List.of(pack.mue().citation()),
                GuidanceLines.paths(lines, l -> l.paths().units()),
                fix,
                Set.of(GuidanceLines.mueKey(mue.code())));
    }

    private static String indicatorMeaning(int indicator) {
        return switch (indicator) {
            case LINE_EDIT -> "a claim line edit";
            case CLINICAL_DAY_EDIT -> "a per-day edit based on clinical data, payable above it only with "
                    + "documentation on appeal";
            default -> "a per-day edit based on policy, not payable above it";
        };
    }
}
