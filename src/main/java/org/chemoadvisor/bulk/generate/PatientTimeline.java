package org.chemoadvisor.bulk.generate;

import static org.chemoadvisor.fhir.CodeSystems.CPT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.chemoadvisor.rulepack.MuscleTable;

/**
 * One generated patient's visits: one indication, re-injected every 91 to 120 days (past the
 * 12-week interval payers set) from a start in the second half of 2024 to mid-2026, each visit
 * coded correctly or, with the given probability, with one mistake. Each patient's visits come from
 * a random seeded by the run's seed and the patient's number, so a run is the same on every machine
 * and any patient can be generated alone.
 */
final class PatientTimeline {

    private static final LocalDate FIRST_START = LocalDate.of(2024, 7, 1);
    private static final LocalDate LAST_VISIT = LocalDate.of(2026, 6, 30);
    private static final List<Indication> GLOBAL_PERIOD_CODES = List.of(Indication.CERVICAL_DYSTONIA,
            Indication.CHRONIC_MIGRAINE, Indication.FACIAL_SPASM);

    private final Random random;
    private final VisitScenarios scenarios;
    private final double mistakeRate;

    PatientTimeline(long seed, long patient, MuscleTable muscles, double mistakeRate) {
        this.random = new Random(seed * 1_000_003L + patient);
        this.scenarios = new VisitScenarios(random, muscles);
        this.mistakeRate = mistakeRate;
    }

    /** The patient's claims in date order, at most {@code max}. */
    List<Visit> visits(int max) {
        Indication indication = Indication.pick(random);
        List<Visit> visits = new ArrayList<>();
        LocalDate date = FIRST_START.plusDays(random.nextInt(184));
        int count = 2 + random.nextInt(5);
        boolean previousClean = false;
        LocalDate previous = null;
        for (int i = 0; i < count && visits.size() < max && !date.isAfter(LAST_VISIT); i++) {
            Mistake mistake = random.nextDouble() < mistakeRate ? pickMistake(date, indication, previousClean) : null;
            if (mistake == Mistake.REINJECTION_TOO_SOON) {
                date = previous.plusDays(42 + random.nextInt(29));
            }
            Visit visit = mistake == null || mistake == Mistake.REINJECTION_TOO_SOON
                    || mistake == Mistake.VISIT_IN_GLOBAL_PERIOD ? scenarios.clean(indication, date)
                    : mistake.make(scenarios, date);
            visits.add(visit);
            if (mistake == Mistake.VISIT_IN_GLOBAL_PERIOD && visits.size() < max) {
                visits.add(followUpVisit(visit));
            } else if (mistake != null) {
                visit.mistake = mistake.name();
                visit.expectedRuleIds.add(mistake.ruleId);
            }
            previousClean = mistake == null || mistake == Mistake.VISIT_IN_GLOBAL_PERIOD;
            previous = date;
            date = date.plusDays(91 + random.nextInt(30));
        }
        return visits;
    }

    private Mistake pickMistake(LocalDate date, Indication indication, boolean previousClean) {
        List<Mistake> possible = new ArrayList<>(Arrays.stream(Mistake.values()).filter(m -> m.possibleOn(date))
                .toList());
        if (previousClean) {
            possible.add(Mistake.REINJECTION_TOO_SOON);
        }
        if (GLOBAL_PERIOD_CODES.contains(indication)) {
            possible.add(Mistake.VISIT_IN_GLOBAL_PERIOD);
        }
        return possible.get(random.nextInt(possible.size()));
    }

    /** An office visit a few days after a procedure with a 10-day global period, billed without modifier 24. */
    private Visit followUpVisit(Visit procedure) {
        Visit visit = new Visit(procedure.indication, procedure.date.plusDays(3 + random.nextInt(6)));
        visit.diagnoses.add(procedure.diagnoses.get(0));
        visit.add(CPT, scenarios.pick("99212", "99213", "99214"), 1);
        visit.mistake = Mistake.VISIT_IN_GLOBAL_PERIOD.name();
        visit.expectedRuleIds.add(Mistake.VISIT_IN_GLOBAL_PERIOD.ruleId);
        return visit;
    }
}
