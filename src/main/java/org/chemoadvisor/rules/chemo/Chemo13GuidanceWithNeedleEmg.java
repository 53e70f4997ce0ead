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
 * CHEMO-13: a guidance code with a diagnostic needle EMG study the same day. NCCI bundles the
 * guidance into the study: error under Medicare, warning under the commercial profile.
 */
public final class Chemo13GuidanceWithNeedleEmg implements Rule {

    public static final String ID = "CHEMO-13";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<ServiceLine> studies = GuidanceLines.inSet(day, pack, CodeSets.NEEDLE_EMG);
        if (studies.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String guidance : GuidanceLines.codes(GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE))) {
            findings.add(finding(day, guidance, GuidanceLines.withCode(day, guidance), studies, pack));
        }
        return findings;
    }

    private Finding finding(CodingFacts day, String guidance, List<ServiceLine> guidanceLines,
            List<ServiceLine> studies, RulePack pack) {
        Set<String> studyCodes = GuidanceLines.codes(studies);
        Set<String> keys = new LinkedHashSet<>();
        studyCodes.forEach(emg -> keys.add(GuidanceLines.ptpKey(emg, guidance)));
        String studyList = String.join(", ", studyCodes);
        String detail = "**What:** guidance code " + guidance + " is reported with diagnostic needle EMG ("
                + studyList + ") on the same day.\n\n"
                + "**Why:** when a needle EMG study is performed the same day, NCCI does not pay EMG or "
                + "electrical-stimulation guidance for the injection separately; the study is reported, the "
                + "guidance is not.\n\n"
                + "**Source:** " + pack.ptp().citation() + "; " + pack.codeSets().citation(CodeSets.NEEDLE_EMG) + ".";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING),
                "Guidance " + guidance + " with needle EMG " + studyList + " the same day: drop the guidance code",
                detail,
                List.of(pack.ptp().citation(), pack.codeSets().citation(CodeSets.NEEDLE_EMG)),
                GuidanceLines.linePaths(GuidanceLines.union(guidanceLines, studies)),
                new Fix("Remove the " + guidance + " guidance line", GuidanceLines.removeAll(guidanceLines)),
                keys);
    }
}
