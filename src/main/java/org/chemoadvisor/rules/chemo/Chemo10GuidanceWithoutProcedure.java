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
 * CHEMO-10: a guidance code with no chemodenervation procedure the same day. Guidance codes are
 * add-ons: alone they describe nothing billable. Error under both profiles.
 */
public final class Chemo10GuidanceWithoutProcedure implements Rule {

    public static final String ID = "CHEMO-10";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        if (GuidanceLines.anyInSet(day, pack, CodeSets.CHEMODENERVATION)) {
            return List.of();
        }
        Set<String> guidanceCodes = GuidanceLines.codes(GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE));
        List<Finding> findings = new ArrayList<>();
        for (String guidance : guidanceCodes) {
            findings.add(finding(guidance, GuidanceLines.withCode(day, guidance), guidanceCodes, pack));
        }
        return findings;
    }

    private Finding finding(String guidance, List<ServiceLine> lines, Set<String> guidanceCodes, RulePack pack) {
        // Removing the line also settles any unit edit on it and any pair between two guidance codes
        // (CHEMO-11's problem), so those keys are claimed as well.
        Set<String> keys = new LinkedHashSet<>();
        keys.add(GuidanceLines.aocKey(guidance));
        keys.add(GuidanceLines.mueKey(guidance));
        guidanceCodes.stream().filter(other -> !other.equals(guidance))
                .forEach(other -> keys.add(GuidanceLines.ptpKey(guidance, other)));
        String detail = "**What:** guidance code " + guidance + " is reported with no chemodenervation "
                + "procedure on the same day.\n\n"
                + "**Why:** guidance is an add-on service; it is reportable only with the chemodenervation "
                + "it guided. Either the procedure line is missing or the guidance line does not belong.\n\n"
                + "**Source:** " + pack.addOns().citation() + " (listed primaries of " + guidance + "); "
                + pack.codeSets().citation(CodeSets.CHEMODENERVATION) + ".";
        return new Finding(ID, Severity.ERROR,
                "Guidance " + guidance + " without a chemodenervation procedure the same day",
                detail,
                List.of(pack.addOns().citation(), pack.codeSets().citation(CodeSets.CHEMODENERVATION)),
                GuidanceLines.linePaths(lines),
                new Fix("Remove the " + guidance + " guidance line, or add the chemodenervation it guided",
                        GuidanceLines.removeAll(lines)),
                keys);
    }
}
