package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-12: more guidance units than the profile allows. Medicare caps each guidance code at its
 * MUE per day; the commercial (CPT) profile allows one unit per chemodenervation code billed.
 * Without any chemodenervation the guidance line is CHEMO-10's problem, so this rule is silent.
 */
public final class Chemo12GuidanceUnitsAboveCap implements Rule {

    public static final String ID = "CHEMO-12";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        int procedureUnits = GuidanceLines.units(GuidanceLines.inSet(day, pack, CodeSets.CHEMODENERVATION));
        if (procedureUnits == 0) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String guidance : GuidanceLines.codes(GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE))) {
            List<ServiceLine> lines = GuidanceLines.withCode(day, guidance);
            Optional<Cap> cap = cap(day, pack, guidance, procedureUnits);
            int units = GuidanceLines.units(lines);
            if (cap.isPresent() && units > cap.get().units()) {
                findings.add(finding(guidance, lines, units, cap.get(), pack));
            }
        }
        return findings;
    }

    /** The most units allowed and why; Medicare has no cap for a code missing from the MUE table. */
    private static Optional<Cap> cap(CodingFacts day, RulePack pack, String guidance, int procedureUnits) {
        if (day.profile() == PolicyProfile.MEDICARE) {
            return pack.mue().find(guidance).map(MueEdit::maxUnits).map(max -> new Cap(max,
                    "the Medicare MUE allows " + max + " unit" + (max == 1 ? "" : "s") + " per day",
                    pack.mue().citation()));
        }
        return Optional.of(new Cap(procedureUnits, "CPT allows one guidance unit per chemodenervation code "
                + "reported, and " + procedureUnits + " chemodenervation unit" + (procedureUnits == 1 ? " is" : "s are")
                + " reported that day", pack.codeSets().citation(CodeSets.CHEMODENERVATION)));
    }

    private Finding finding(String guidance, List<ServiceLine> lines, int units, Cap cap, RulePack pack) {
        String detail = "**What:** guidance code " + guidance + " is reported with " + units + " units on one day.\n\n"
                + "**Why:** " + cap.reason() + ".\n\n"
                + "**Source:** " + cap.source() + "; " + pack.codeSets().citation(CodeSets.GUIDANCE) + "; "
                + pack.codeSets().citation(CodeSets.CHEMODENERVATION) + ".";
        return new Finding(ID, Severity.ERROR,
                "Guidance " + guidance + ": " + units + " units reported, at most " + cap.units() + " allowed",
                detail,
                List.of(cap.source(), pack.codeSets().citation(CodeSets.GUIDANCE),
                        pack.codeSets().citation(CodeSets.CHEMODENERVATION)).stream().distinct().toList(),
                GuidanceLines.paths(lines, l -> l.paths().units()),
                GuidanceLines.reduceUnitsTo(lines, cap.units(), guidance),
                Set.of(GuidanceLines.mueKey(guidance)));
    }

    private record Cap(int units, String reason, Citation source) {
    }
}
