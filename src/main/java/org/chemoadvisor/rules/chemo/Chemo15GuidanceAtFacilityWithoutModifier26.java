package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-15: a guidance code at a facility place of service without the professional-component
 * modifier. The facility owns the equipment, so the practitioner bills the professional component
 * only. Warning under both profiles.
 */
public final class Chemo15GuidanceAtFacilityWithoutModifier26 implements Rule {

    public static final String ID = "CHEMO-15";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        for (ServiceLine line : GuidanceLines.inSet(day, pack, CodeSets.GUIDANCE)) {
            String pos = day.placeOfServiceOf(line);
            if (pack.codeSets().contains(CodeSets.FACILITY_POS, pos)
                    && !GuidanceLines.hasModifierIn(line, pack, CodeSets.PROFESSIONAL_COMPONENT_MODIFIERS)) {
                findings.add(finding(line, pos, pack));
            }
        }
        return findings;
    }

    private Finding finding(ServiceLine line, String pos, RulePack pack) {
        String modifier = pack.codeSets().single(CodeSets.PROFESSIONAL_COMPONENT_MODIFIERS);
        String detail = "**What:** guidance code " + line.code() + " is reported at place of service " + pos
                + ", a facility, without modifier " + modifier + ".\n\n"
                + "**Why:** at a facility the technical component (equipment, staff) belongs to the facility; "
                + "the practitioner reports the professional component only, marked with modifier " + modifier
                + ".\n\n"
                + "**Source:** " + pack.mpfs().citation() + " (PC/TC indicator); "
                + pack.codeSets().citation(CodeSets.FACILITY_POS) + "; " + pack.codeSets().citation()
                + ", set `" + CodeSets.PROFESSIONAL_COMPONENT_MODIFIERS + "`.";
        return new Finding(ID, Severity.WARNING,
                "Guidance " + line.code() + " at facility POS " + pos + " without modifier " + modifier,
                detail,
                List.of(pack.mpfs().citation(), pack.codeSets().citation(CodeSets.FACILITY_POS),
                        pack.codeSets().citation()),
                List.of(line.paths().code()),
                Fix.of("Add modifier " + modifier + " to " + line.code(),
                        new FixAction.AddModifier(line.index(), modifier)),
                Set.of());
    }
}
