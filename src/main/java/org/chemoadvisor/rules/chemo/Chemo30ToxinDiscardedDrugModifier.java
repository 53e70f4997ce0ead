package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-30: a botulinum toxin line (single-dose containers) must carry JW or JZ from the policy's
 * start date, and never both. A line without a date is treated as falling under the policy: the
 * service checks claims going out now. Error under Medicare (the claim is returned), information
 * under commercial payers (many follow CMS, none must).
 */
public final class Chemo30ToxinDiscardedDrugModifier implements Rule {

    public static final String ID = "CHEMO-30";
    static final String JW = "JW";
    static final String JZ = "JZ";
    static final String MANUAL_URL =
            "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c17.pdf";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<ServiceLine> toxinLines = GuidanceLines.inSet(day, pack, CodeSets.TOXIN);
        if (toxinLines.isEmpty()) {
            return List.of(); // the usual case: no date to parse, no citation to build
        }
        CodeSets sets = pack.codeSets();
        LocalDate start = LocalDate.parse(sets.single(CodeSets.DISCARDED_DRUG_POLICY_START));
        Citation policy = new Citation("CMS Claims Processing Manual ch. 17 s. 40 (JW/JZ)",
                start + " policy", MANUAL_URL);
        List<Finding> findings = new ArrayList<>();
        for (ServiceLine line : toxinLines) {
            if (line.medicationOrder()) {
                continue; // JW/JZ go on the billed drug line, not on the medication order
            }
            boolean jw = line.hasModifier(JW);
            boolean jz = line.hasModifier(JZ);
            if (jw && jz) {
                findings.add(both(day, line, policy, pack));
            } else if (!jw && !jz && (line.date() == null || !line.date().isBefore(start))) {
                findings.add(neither(day, line, start, policy, pack));
            }
        }
        return findings;
    }

    private Finding neither(CodingFacts day, ServiceLine line, LocalDate start, Citation policy, RulePack pack) {
        String detail = "**What:** toxin line " + line.code() + " carries neither JW nor JZ"
                + (line.date() == null ? " (no date of service given; treated as on or after " + start + ")" : "")
                + ".\n\n"
                + "**Why:** from " + start + " every single-dose container drug needs JZ when none of it was "
                + "discarded, or JW on a separate line for the amount discarded; Medicare returns the claim "
                + "otherwise.\n\n"
                + "**Source:** " + policy + "; " + pack.codeSets().citation(CodeSets.TOXIN) + "; "
                + pack.codeSets().citation() + ", set `" + CodeSets.DISCARDED_DRUG_POLICY_START + "`.";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.INFORMATION),
                "Toxin " + line.code() + " without JW or JZ (required from " + start + ")",
                detail,
                List.of(policy, pack.codeSets().citation(CodeSets.TOXIN), pack.codeSets().citation()),
                List.of(line.paths().code()),
                Fix.of("Add JZ to " + line.code() + " only if nothing was discarded; if some was, "
                        + "report the discarded amount on a separate " + line.code() + " line with JW",
                        new FixAction.AddModifier(line.index(), JZ)),
                Set.of());
    }

    private Finding both(CodingFacts day, ServiceLine line, Citation policy, RulePack pack) {
        String detail = "**What:** toxin line " + line.code() + " carries both JW and JZ.\n\n"
                + "**Why:** JZ says nothing was discarded, JW marks the discarded amount; one line cannot be "
                + "both. The administered amount goes on one line (JZ when nothing was discarded), the "
                + "discarded amount on its own line with JW.\n\n"
                + "**Source:** " + policy + ".";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.INFORMATION),
                "Toxin " + line.code() + " has both JW and JZ on one line",
                detail,
                List.of(policy),
                List.of(line.paths().modifier(line.modifierPosition(JW)), line.paths().modifier(line.modifierPosition(JZ))),
                Fix.of("Remove JW from " + line.code() + "; if some toxin was discarded, remove JZ instead and "
                        + "report the discarded amount on a separate line with JW",
                        new FixAction.RemoveModifier(line.index(), JW)),
                Set.of());
    }
}
