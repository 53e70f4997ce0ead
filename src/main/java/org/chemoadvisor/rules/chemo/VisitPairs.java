package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;

/** NCCI pairs between an E/M visit and a procedure: bypassed by 25 on the visit, never by 59 or X{EPSU}. */
final class VisitPairs {

    private VisitPairs() {
    }

    static boolean isVisit(ServiceLine line, RulePack pack) {
        return isVisit(line.code(), pack);
    }

    static boolean isVisit(String code, RulePack pack) {
        return pack.codeSets().contains(CodeSets.EVALUATION_MANAGEMENT, code);
    }

    /** An edit between a visit and a procedure (exactly one side is an E/M code). */
    static boolean isVisitPair(PtpEdit edit, RulePack pack) {
        return isVisit(edit.column1(), pack) != isVisit(edit.column2(), pack);
    }

    /** The modifier that marks a visit as separately identifiable (25). */
    static String emModifier(RulePack pack) {
        return pack.codeSets().codes(CodeSets.EM_DISTINCT_MODIFIERS).stream().sorted().findFirst().orElse("25");
    }

    /** Lines on the day paired with this line by an indicator-1 visit pair (visits for a procedure, and back). */
    static List<ServiceLine> partners(CodingFacts day, List<PtpEdit> edits, ServiceLine line, RulePack pack) {
        List<ServiceLine> partners = new ArrayList<>();
        for (PtpEdit edit : edits) {
            if (!allowsModifier(edit) || !isVisitPair(edit, pack)) {
                continue;
            }
            String other = other(edit, line.code());
            if (other != null) {
                partners.addAll(GuidanceLines.withCode(day, other));
            }
        }
        return GuidanceLines.union(partners);
    }

    /** Whether every indicator-1 pair this line's code is in, on this day, is a pair with a visit. */
    static boolean onlyVisitPartners(CodingFacts day, List<PtpEdit> edits, ServiceLine line, RulePack pack) {
        return edits.stream()
                .filter(VisitPairs::allowsModifier)
                .filter(edit -> other(edit, line.code()) != null)
                .allMatch(edit -> isVisitPair(edit, pack));
    }

    /** Modifier indicator 1: the pair is allowed when a modifier marks the services as separate. */
    static boolean allowsModifier(PtpEdit edit) {
        return edit.modifierIndicator() == 1;
    }

    /**
     * Whether CHEMO-24 speaks for this line: a distinct-service modifier on a visit, or on a procedure
     * whose only pairs that day are with visits. CHEMO-21 then stays silent on the pair.
     */
    static boolean misusedDistinctModifier(CodingFacts day, List<PtpEdit> edits, ServiceLine line, RulePack pack) {
        if (!GuidanceLines.hasModifierIn(line, pack, CodeSets.DISTINCT_SERVICE_MODIFIERS)) {
            return false;
        }
        return isVisit(line, pack) || onlyVisitPartners(day, edits, line, pack);
    }

    private static String other(PtpEdit edit, String code) {
        if (edit.column1().equals(code)) {
            return edit.column2();
        }
        return edit.column2().equals(code) ? edit.column1() : null;
    }
}
