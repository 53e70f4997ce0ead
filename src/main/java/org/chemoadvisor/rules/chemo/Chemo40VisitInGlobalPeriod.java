package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.OtherDayService;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.MpfsIndicator;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-40: an E/M visit on a day after a procedure with a global period (64612, 64615, 64616 and
 * 64617 have 10 days in the MPFS, read as data) and within it, without modifier 24. Follow-up
 * visits are included in the procedure's payment; an unrelated visit carries 24. The E/M on the
 * day of the procedure is the NCCI pair's question (CHEMO-21, CHEMO-24: modifier 25).
 */
public final class Chemo40VisitInGlobalPeriod implements Rule {

    public static final String ID = "CHEMO-40";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        for (ServiceLine visit : GuidanceLines.inSet(day, pack, CodeSets.EVALUATION_MANAGEMENT)) {
            if (visit.date() == null || GuidanceLines.hasModifierIn(visit, pack, CodeSets.POSTOPERATIVE_EM_MODIFIERS)) {
                continue;
            }
            latestProcedureWhoseGlobalPeriodHolds(day, pack, visit.date())
                    .ifPresent(procedure -> findings.add(finding(day, pack, visit, procedure)));
        }
        return findings;
    }

    private static Optional<OtherDayService> latestProcedureWhoseGlobalPeriodHolds(CodingFacts day, RulePack pack,
            LocalDate visitDate) {
        return day.otherDays().stream()
                .filter(service -> service.date().isBefore(visitDate))
                .filter(service -> globalDays(pack, service.code())
                        .stream().anyMatch(days -> !service.date().plusDays(days).isBefore(visitDate)))
                .max(Comparator.comparing(OtherDayService::date));
    }

    /** The MPFS global days of a code when they are a number of days above 0 (not 000, XXX, YYY, ZZZ, MMM). */
    /** MPFS global days as a count (010, 090), not a letter code. */
    private static final Pattern DAYS = Pattern.compile("\\d{1,3}");

    static OptionalInt globalDays(RulePack pack, String code) {
        Optional<String> days = pack.mpfs().find(code).map(MpfsIndicator::globalDays)
                .filter(value -> value != null && DAYS.matcher(value).matches());
        return days.map(Integer::parseInt).filter(value -> value > 0).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static Finding finding(CodingFacts day, RulePack pack, ServiceLine visit, OtherDayService procedure) {
        int global = globalDays(pack, procedure.code()).orElseThrow();
        long after = ChronoUnit.DAYS.between(procedure.date(), visit.date());
        String modifier = pack.codeSets().codes(CodeSets.POSTOPERATIVE_EM_MODIFIERS).stream().sorted().findFirst()
                .orElseThrow();
        return LimbFinding.of(ID)
                .severity(GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING))
                .summary(visit.code() + " is in the " + global + "-day global period of " + procedure.code() + " ("
                        + procedure.date() + "): include it, or add " + modifier + " if unrelated")
                .paragraph("What", visit.code() + " on " + visit.date() + " is " + after + " day" + (after == 1 ? "" : "s")
                        + " after " + procedure.code() + " on " + procedure.date() + " ("
                        + (procedure.sameClaim() ? "on this claim" : "from the patient's record") + ", "
                        + procedure.path() + ").")
                .paragraph("Why", "The Medicare fee schedule gives " + procedure.code() + " a " + global
                        + "-day global period: visits by the same physician for its follow-up, on the day after it "
                        + "and up to " + global + " days later, are paid with the procedure. A visit for an unrelated "
                        + "problem in that period is reported with modifier " + modifier
                        + (procedure.sameClaim() ? "." : "; a visit by another physician is not affected."))
                .cite(pack.mpfs().citation())
                .cite(pack.codeSets().citation())
                .at(visit.paths().code())
                .key("GLOBAL:" + procedure.code() + "+" + visit.code())
                .fix(Fix.advice("If the visit was for a problem unrelated to " + procedure.code() + ", add modifier "
                        + modifier + "; a follow-up visit is included in the global period and is not billed"))
                .build();
    }
}
