package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
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
 * CHEMO-21: an NCCI pair with modifier indicator 1 (allowed when the services were distinct)
 * with no distinct-service modifier on either line; for a pair with an E/M visit, the E/M
 * modifier on the visit line also counts. Warning under Medicare, information under commercial:
 * only the clinician knows whether the services were distinct, so the fix is conditional.
 */
public final class Chemo21PtpPairNeedsDistinctModifier implements Rule {

    public static final String ID = "CHEMO-21";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        List<PtpEdit> edits = GuidanceLines.ptpEditsPresent(day, pack);
        for (PtpEdit edit : edits) {
            if (!VisitPairs.allowsModifier(edit)) {
                continue;
            }
            List<ServiceLine> unmarked = VisitPairs.isVisitPair(edit, pack)
                    ? unmarkedVisitPair(day, edits, edit, pack)
                    : unmarkedLines(day, edit, pack);
            if (!unmarked.isEmpty()) {
                findings.add(finding(day, edit, unmarked, pack));
            }
        }
        return findings;
    }

    /** Lines of the pair that meet a line of the other code with no modifier marking them distinct. */
    private static List<ServiceLine> unmarkedLines(CodingFacts day, PtpEdit edit, RulePack pack) {
        List<ServiceLine> unmarked = new ArrayList<>();
        for (ServiceLine one : GuidanceLines.withCode(day, edit.column1())) {
            for (ServiceLine two : GuidanceLines.withCode(day, edit.column2())) {
                if (!markedDistinct(one, pack) && !markedDistinct(two, pack)) {
                    unmarked.add(one);
                    unmarked.add(two);
                }
            }
        }
        return GuidanceLines.union(unmarked);
    }

    private static boolean markedDistinct(ServiceLine line, RulePack pack) {
        return GuidanceLines.hasModifierIn(line, pack, CodeSets.DISTINCT_SERVICE_MODIFIERS);
    }

    /**
     * A visit paired with a procedure is bypassed only by 25 on the visit; a 59 or X{EPSU} meant for
     * the pair is CHEMO-24's finding, so this rule does not report the pair a second time.
     */
    private static List<ServiceLine> unmarkedVisitPair(CodingFacts day, List<PtpEdit> edits, PtpEdit edit,
            RulePack pack) {
        List<ServiceLine> unmarked = new ArrayList<>();
        for (ServiceLine one : GuidanceLines.withCode(day, edit.column1())) {
            for (ServiceLine two : GuidanceLines.withCode(day, edit.column2())) {
                ServiceLine visit = isVisit(one, pack) ? one : two;
                boolean bypassed = GuidanceLines.hasModifierIn(visit, pack, CodeSets.EM_DISTINCT_MODIFIERS);
                boolean otherRule = VisitPairs.misusedDistinctModifier(day, edits, one, pack)
                        || VisitPairs.misusedDistinctModifier(day, edits, two, pack);
                if (!bypassed && !otherRule) {
                    unmarked.add(one);
                    unmarked.add(two);
                }
            }
        }
        return GuidanceLines.union(unmarked);
    }

    private static boolean isVisit(ServiceLine line, RulePack pack) {
        return VisitPairs.isVisit(line, pack);
    }

    private Finding finding(CodingFacts day, PtpEdit edit, List<ServiceLine> unmarked, RulePack pack) {
        String modifiers = String.join(", ", pack.codeSets().codes(CodeSets.DISTINCT_SERVICE_MODIFIERS).stream()
                .sorted().toList());
        boolean visitPair = VisitPairs.isVisitPair(edit, pack);
        String em = VisitPairs.emModifier(pack);
        String why = visitPair
                ? "NCCI lists this pair of a visit and a procedure with modifier indicator 1: the visit is paid "
                        + "with the procedure only when it was significant and separately identifiable, shown by "
                        + em + " on the E/M code (never by " + modifiers + ", which are not used on E/M codes). "
                        + "Add it only when the record supports it; otherwise the visit is part of the procedure."
                : "NCCI lists this pair with modifier indicator 1: the column 2 code is paid with the "
                        + "column 1 code only when it was a separate service (different site, session or "
                        + "practitioner), shown by " + modifiers + ". Add one only when the record supports it; "
                        + "otherwise the column 2 code is not separately reportable.";
        String detail = "**What:** " + edit.column1() + " (column 1) and " + edit.column2()
                + " (column 2) are reported on the same day without a modifier saying the services were "
                + "distinct.\n\n"
                + "**Why:** " + why + " Rationale in the table: " + edit.rationale() + ".\n\n"
                + "**Source:** " + pack.ptp().citation() + "; " + pack.codeSets().citation() + ", sets `"
                + CodeSets.DISTINCT_SERVICE_MODIFIERS + "` and `" + CodeSets.EM_DISTINCT_MODIFIERS + "`.";
        String summary = visitPair
                ? visitCode(edit, pack) + " with " + procedureCode(edit, pack) + ": add " + em
                        + " to the visit only if it was separately identifiable"
                : edit.column2() + " with " + edit.column1() + ": add a distinct-service modifier only if truly separate";
        return new Finding(ID, GuidanceLines.severity(day, Severity.WARNING, Severity.INFORMATION),
                summary,
                detail,
                List.of(pack.ptp().citation(), pack.codeSets().citation()),
                GuidanceLines.linePaths(unmarked),
                fix(edit, unmarked, modifiers, pack),
                Set.of(GuidanceLines.ptpKey(edit.column1(), edit.column2())));
    }

    private static String visitCode(PtpEdit edit, RulePack pack) {
        return VisitPairs.isVisit(edit.column1(), pack) ? edit.column1() : edit.column2();
    }

    private static String procedureCode(PtpEdit edit, RulePack pack) {
        return VisitPairs.isVisit(edit.column1(), pack) ? edit.column2() : edit.column1();
    }

    private static List<String> visitModifiers(RulePack pack) {
        return pack.codeSets().codes(CodeSets.EM_DISTINCT_MODIFIERS).stream().sorted().toList();
    }

    private static Fix fix(PtpEdit edit, List<ServiceLine> unmarked, String modifiers, RulePack pack) {
        List<ServiceLine> visits = unmarked.stream().filter(l -> isVisit(l, pack)).toList();
        if (!visits.isEmpty()) {
            String modifier = visitModifiers(pack).get(0);
            String visit = visits.get(0).code();
            List<FixAction> actions = visits.stream()
                    .<FixAction>map(l -> new FixAction.AddModifier(l.index(), modifier)).toList();
            return new Fix("Only if the visit was significant and separately identifiable from the procedure: "
                    + "add modifier " + modifier + " to " + visit, actions);
        }
        return Fix.advice("Only if the services were distinct (separate site, session or practitioner): add one of "
                + modifiers + " to " + edit.column2() + "; otherwise remove " + edit.column2());
    }
}
