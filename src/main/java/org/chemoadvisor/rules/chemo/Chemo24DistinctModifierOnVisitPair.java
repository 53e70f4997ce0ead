package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-24: a distinct-service modifier (59, XE, XP, XS, XU) used for an E/M visit. Those modifiers
 * are not used on E/M codes, and an E/M paired with a procedure is bypassed only by the E/M
 * modifier (25) on the visit. Fires on a visit line that carries one, and on a procedure line
 * whose only pair partners that day are visits (its modifier can be meant for nothing else).
 * When the visit already has 25, the procedure's modifier is superfluous: information only.
 */
public final class Chemo24DistinctModifierOnVisitPair implements Rule {

    public static final String ID = "CHEMO-24";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        List<PtpEdit> edits = GuidanceLines.ptpEditsPresent(day, pack);
        for (ServiceLine line : day.lines()) {
            Optional<String> modifier = distinctModifier(line, pack);
            if (modifier.isEmpty()) {
                continue;
            }
            if (VisitPairs.isVisit(line, pack)) {
                findings.add(onVisit(day, pack, line, modifier.get(), VisitPairs.partners(day, edits, line, pack)));
            } else {
                List<ServiceLine> visits = VisitPairs.partners(day, edits, line, pack);
                if (!visits.isEmpty() && VisitPairs.onlyVisitPartners(day, edits, line, pack)) {
                    findings.add(onProcedure(day, pack, line, modifier.get(), visits));
                }
            }
        }
        return findings;
    }

    private static Optional<String> distinctModifier(ServiceLine line, RulePack pack) {
        List<String> modifiers = line.modifiers();
        for (int i = 0; i < modifiers.size(); i++) {
            if (pack.codeSets().contains(CodeSets.DISTINCT_SERVICE_MODIFIERS, modifiers.get(i))) {
                return Optional.of(modifiers.get(i));
            }
        }
        return Optional.empty();
    }

    private static Finding onVisit(CodingFacts day, RulePack pack, ServiceLine visit, String modifier,
            List<ServiceLine> procedures) {
        String em = VisitPairs.emModifier(pack);
        boolean has25 = GuidanceLines.hasModifierIn(visit, pack, CodeSets.EM_DISTINCT_MODIFIERS);
        List<FixAction> actions = new ArrayList<>();
        actions.add(new FixAction.RemoveModifier(visit.index(), modifier));
        String text;
        if (procedures.isEmpty() || has25) {
            text = "Remove modifier " + modifier + " from " + visit.code();
        } else {
            actions.add(new FixAction.AddModifier(visit.index(), em));
            text = "Replace " + modifier + " with " + em + " on " + visit.code()
                    + ", only if the visit was significant and separately identifiable from "
                    + procedures.get(0).code();
        }
        String detail = "**What:** the visit " + visit.code() + " carries modifier " + modifier
                + (procedures.isEmpty() ? "." : ", reported with " + procedures.get(0).code() + ".") + "\n\n"
                + "**Why:** " + why(pack, em) + "\n\n"
                + "**Source:** " + source(pack);
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING),
                "Modifier " + modifier + " is not used on E/M " + visit.code() + ": use " + em
                        + " on the visit if it was separately identifiable",
                detail,
                List.of(pack.ptp().citation(), pack.codeSets().citation()),
                List.of(visit.paths().modifier(visit.modifierPosition(modifier))),
                new Fix(text, actions),
                Set.of(key(visit)));
    }

    private static Finding onProcedure(CodingFacts day, RulePack pack, ServiceLine procedure, String modifier,
            List<ServiceLine> visits) {
        String em = VisitPairs.emModifier(pack);
        ServiceLine visit = visits.get(0);
        boolean has25 = visits.stream().allMatch(v -> GuidanceLines.hasModifierIn(v, pack, CodeSets.EM_DISTINCT_MODIFIERS));
        List<FixAction> actions = new ArrayList<>();
        actions.add(new FixAction.RemoveModifier(procedure.index(), modifier));
        String text;
        if (has25) {
            text = "Remove modifier " + modifier + " from " + procedure.code() + ": " + em + " on "
                    + visit.code() + " already marks the visit as separate";
        } else {
            visits.forEach(v -> actions.add(new FixAction.AddModifier(v.index(), em)));
            text = "Move the bypass to the visit: remove " + modifier + " from " + procedure.code() + " and add "
                    + em + " to " + visit.code() + ", only if the visit was significant and separately identifiable";
        }
        String detail = "**What:** " + procedure.code() + " carries modifier " + modifier + " and its only NCCI "
                + "pair partner on this day is the visit " + visit.code()
                + (has25 ? ", which already carries " + em + "." : ", which has no " + em + ".") + "\n\n"
                + "**Why:** " + why(pack, em) + "\n\n"
                + "**Source:** " + source(pack);
        Severity severity = has25 ? Severity.INFORMATION : GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING);
        String summary = has25
                ? "Modifier " + modifier + " on " + procedure.code() + " is not needed: " + em + " on " + visit.code()
                        + " marks the visit"
                : "Modifier " + modifier + " on " + procedure.code() + " does not bypass the E/M pair: use " + em
                        + " on " + visit.code();
        return new Finding(ID, severity, summary, detail,
                List.of(pack.ptp().citation(), pack.codeSets().citation()),
                List.of(procedure.paths().modifier(procedure.modifierPosition(modifier))),
                new Fix(text, actions),
                Set.of(key(procedure)));
    }

    private static String why(RulePack pack, String em) {
        return "NCCI pairs an E/M visit with procedures on the same day; when the visit was significant and "
                + "separately identifiable, modifier " + em + " on the E/M code says so. Distinct-service "
                + "modifiers (" + String.join(", ", pack.codeSets().codes(CodeSets.DISTINCT_SERVICE_MODIFIERS)
                .stream().sorted().toList()) + ") are not used on E/M codes and do not bypass an E/M pair: "
                + "CPT defines 59 for procedures and services other than E/M, and the NCCI policy manual "
                + "says not to use them for E/M services.";
    }

    private static String source(RulePack pack) {
        return "NCCI Policy Manual for Medicare Services, ch. 1 (modifiers 59, X{EPSU} and 25); "
                + pack.ptp().citation() + "; " + pack.codeSets().citation() + ", sets `"
                + CodeSets.DISTINCT_SERVICE_MODIFIERS + "` and `" + CodeSets.EM_DISTINCT_MODIFIERS + "`.";
    }

    private static String key(ServiceLine line) {
        return "EMBYPASS:" + line.index();
    }
}
