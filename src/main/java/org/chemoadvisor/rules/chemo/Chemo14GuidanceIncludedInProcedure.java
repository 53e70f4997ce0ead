package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-14: a guidance code reported with a procedure whose code already includes guidance
 * (laryngeal chemodenervation). Error under both profiles; the guidance line goes.
 */
public final class Chemo14GuidanceIncludedInProcedure implements Rule {

    public static final String ID = "CHEMO-14";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<ServiceLine> including = GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE_INCLUDED);
        if (including.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String guidance : GuidanceLines.codes(GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE))) {
            findings.add(finding(guidance, GuidanceLines.withCode(day, guidance), including, pack));
        }
        return findings;
    }

    private Finding finding(String guidance, List<ServiceLine> guidanceLines, List<ServiceLine> including,
            RulePack pack) {
        String procedure = including.get(0).code();
        // Removing the guidance line also settles its add-on, pair and unit edits: claim them so the
        // general rules (and CHEMO-10) do not repeat the same problem.
        Set<String> keys = new LinkedHashSet<>();
        keys.add(GuidanceLines.aocKey(guidance));
        keys.add(GuidanceLines.mueKey(guidance));
        GuidanceLines.codes(including).forEach(c -> keys.add(GuidanceLines.ptpKey(c, guidance)));
        String detail = "**What:** guidance code " + guidance + " is reported with " + procedure
                + " on the same day.\n\n"
                + "**Why:** the code " + procedure + " already includes any EMG or electrical-stimulation "
                + "guidance, so guidance is not separately reportable with it; NCCI pairs the two as never "
                + "billed together.\n\n"
                + "**Source:** " + pack.codeSets().citation(CodeSets.GUIDANCE_INCLUDED) + "; "
                + pack.ptp().citation() + ".";
        return new Finding(ID, Severity.ERROR,
                "Guidance " + guidance + " is included in " + procedure + ": do not report it separately",
                detail,
                List.of(pack.codeSets().citation(CodeSets.GUIDANCE_INCLUDED), pack.ptp().citation()),
                GuidanceLines.linePaths(GuidanceLines.union(guidanceLines, including)),
                new Fix("Remove the " + guidance + " guidance line", GuidanceLines.removeAll(guidanceLines)),
                keys);
    }
}
