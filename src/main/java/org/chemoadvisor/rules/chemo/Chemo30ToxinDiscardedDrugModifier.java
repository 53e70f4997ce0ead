package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * CHEMO-30: the drug lines of one toxin on one day, taken as a whole (single-dose containers).
 * The CMS way is the administered amount on one line and the discarded amount on its own JW line;
 * JZ only when nothing was discarded. So: JW and JZ on one line, or a JZ line beside a JW line of
 * the same drug, contradict each other; a drug with neither a JZ nor a JW line from the policy's
 * start date is missing its statement. A line without a date is treated as falling under the
 * policy: the service checks claims going out now. Error under Medicare (the claim is returned),
 * information under commercial payers (many follow CMS, none must). Medication orders are exempt:
 * the modifiers go on the billed drug line.
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
        LocalDate start = sets.singleDate(CodeSets.DISCARDED_DRUG_POLICY_START);
        Citation policy = new Citation("CMS Claims Processing Manual ch. 17 s. 40 (JW/JZ)",
                start + " policy", MANUAL_URL);
        Map<String, List<ServiceLine>> byDrug = new LinkedHashMap<>();
        for (ServiceLine line : toxinLines) {
            if (!line.medicationOrder()) {
                byDrug.computeIfAbsent(line.code(), code -> new ArrayList<>()).add(line);
            }
        }
        List<Finding> findings = new ArrayList<>();
        byDrug.values().forEach(lines -> findings.addAll(drugFindings(day, lines, start, policy, pack)));
        return findings;
    }

    private List<Finding> drugFindings(CodingFacts day, List<ServiceLine> lines, LocalDate start, Citation policy,
            RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        List<ServiceLine> jwLines = new ArrayList<>();
        List<ServiceLine> jzLines = new ArrayList<>();
        List<ServiceLine> unmarked = new ArrayList<>();
        for (ServiceLine line : lines) {
            boolean jw = line.hasModifier(JW);
            boolean jz = line.hasModifier(JZ);
            if (jw && jz) {
                findings.add(both(day, line, policy, pack));
            } else if (jw) {
                jwLines.add(line);
            } else if (jz) {
                jzLines.add(line);
            } else {
                unmarked.add(line);
            }
        }
        if (!jwLines.isEmpty() && !jzLines.isEmpty()) {
            findings.add(jzBesideJw(day, jzLines, jwLines.get(0), policy));
        } else if (jwLines.isEmpty() && jzLines.isEmpty() && findings.isEmpty()) {
            unmarked.stream().filter(line -> line.date() == null || !line.date().isBefore(start)).findFirst()
                    .ifPresent(line -> findings.add(neither(day, line, start, policy, pack)));
        }
        return findings;
    }

    private Finding jzBesideJw(CodingFacts day, List<ServiceLine> jzLines, ServiceLine jwLine, Citation policy) {
        ServiceLine jz = jzLines.get(0);
        String code = jz.code();
        String detail = "**What:** " + code + " is reported on this day with JZ (nothing discarded) on one line "
                + "and JW (an amount discarded) on another.\n\n"
                + "**Why:** the two statements cannot both be true. When some of the container was discarded, "
                + "the administered amount goes on its own line without JZ and the discarded amount on a line "
                + "with JW; JZ is only for a drug of which nothing was discarded.\n\n"
                + "**Source:** " + policy + ".";
        List<FixAction> actions = jzLines.stream()
                .<FixAction>map(line -> new FixAction.RemoveModifier(line.index(), JZ)).toList();
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.INFORMATION),
                "Toxin " + code + " has a JZ line and a JW line on the same day: JZ means nothing was discarded",
                detail,
                List.of(policy),
                jzLines.stream().map(line -> line.paths().modifier(line.modifierPosition(JZ))).toList(),
                new Fix("If " + jwLine.units() + " units were discarded, remove JZ from the administered " + code
                        + " line and keep the JW line; if nothing was, remove the JW line", actions),
                Set.of());
    }

    private Finding neither(CodingFacts day, ServiceLine line, LocalDate start, Citation policy, RulePack pack) {
        String detail = "**What:** toxin line " + line.code() + " carries neither JW nor JZ"
                + (line.date() == null ? " (no date of service given; treated as on or after " + start + ")" : "")
                + ".\n\n"
                + "**Why:** from " + start + " every single-dose container drug needs JZ when none of it was "
                + "discarded, or, when some was, the discarded amount on its own line with JW (the administered "
                + "line then carries neither); Medicare returns the claim otherwise.\n\n"
                + "**Source:** " + policy + "; " + pack.codeSets().citation(CodeSets.TOXIN) + "; "
                + pack.codeSets().citation() + ", set `" + CodeSets.DISCARDED_DRUG_POLICY_START + "`.";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.INFORMATION),
                "Toxin " + line.code() + " without JW or JZ (required from " + start + ")",
                detail,
                List.of(policy, pack.codeSets().citation(CodeSets.TOXIN), pack.codeSets().citation()),
                List.of(line.paths().code()),
                Fix.of("Add JZ to " + line.code() + " only if nothing was discarded; if some was, keep this line "
                        + "for the administered amount and report the discarded amount on a separate line with JW",
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
