package org.chemoadvisor.facts;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules may look at. Adapters build it from FHIR; rules read nothing else.
 *
 * @param lines              service lines, indexed by {@link ServiceLine#index()}
 * @param diagnoses          diagnoses on the claim or encounter
 * @param placeOfService     claim- or encounter-level place of service, or null
 * @param profile            policy profile to evaluate under
 * @param documentedMuscles  injected muscles documented in Procedures (empty when none)
 * @param professional       true for a professional claim or an office encounter
 * @param undatedMuscles     on one day's facts: muscles that cannot be placed in time (no date on facts
 *                           spanning several dates of service, or dated on a day with no line); reported,
 *                           never counted. Adapters leave it empty: the engine fills it
 * @param otherDays          services on other dates: from the record (earlier procedures), set by the
 *                           adapters; on one day's facts the engine adds the lines of the other days
 */
public record CodingFacts(
        List<ServiceLine> lines,
        List<Diagnosis> diagnoses,
        String placeOfService,
        PolicyProfile profile,
        List<DocumentedMuscle> documentedMuscles,
        boolean professional,
        List<DocumentedMuscle> undatedMuscles,
        List<OtherDayService> otherDays) {

    public CodingFacts {
        lines = List.copyOf(lines);
        diagnoses = List.copyOf(diagnoses == null ? List.of() : diagnoses);
        documentedMuscles = List.copyOf(documentedMuscles == null ? List.of() : documentedMuscles);
        undatedMuscles = List.copyOf(undatedMuscles == null ? List.of() : undatedMuscles);
        otherDays = List.copyOf(otherDays == null ? List.of() : otherDays);
        Objects.requireNonNull(profile, "profile");
    }

    public CodingFacts(List<ServiceLine> lines, List<Diagnosis> diagnoses, String placeOfService,
            PolicyProfile profile, List<DocumentedMuscle> documentedMuscles, boolean professional) {
        this(lines, diagnoses, placeOfService, profile, documentedMuscles, professional, List.of(), List.of());
    }

    public static CodingFacts of(PolicyProfile profile, List<ServiceLine> lines, List<Diagnosis> diagnoses,
            String placeOfService) {
        return new CodingFacts(lines, diagnoses, placeOfService, profile, List.of(), true);
    }

    /** The place of service of a line: its own, else the claim's. */
    public String placeOfServiceOf(ServiceLine line) {
        return line.placeOfService() != null ? line.placeOfService() : placeOfService;
    }

    /** A copy holding only the given lines (indexes preserved). */
    public CodingFacts withLines(List<ServiceLine> subset) {
        return new CodingFacts(subset, diagnoses, placeOfService, profile, documentedMuscles, professional,
                undatedMuscles, otherDays);
    }

    /**
     * One day's facts: its lines, the muscles counted with them, those that cannot be placed in time,
     * and the services of other days (the record's and the other dates' lines).
     */
    public CodingFacts forDay(List<ServiceLine> dayLines, List<DocumentedMuscle> dayMuscles,
            List<DocumentedMuscle> unplacedInTime, List<ServiceLine> otherDayLines) {
        List<OtherDayService> others = new java.util.ArrayList<>(otherDays);
        otherDayLines.forEach(line -> others.add(OtherDayService.of(line)));
        return new CodingFacts(dayLines, diagnoses, placeOfService, profile, dayMuscles, professional, unplacedInTime,
                others);
    }

    /** A copy that also knows these services from the patient's record. */
    public CodingFacts withRecord(List<OtherDayService> fromRecord) {
        List<OtherDayService> others = new java.util.ArrayList<>(otherDays);
        others.addAll(fromRecord);
        return new CodingFacts(lines, diagnoses, placeOfService, profile, documentedMuscles, professional,
                undatedMuscles, others);
    }

    public CodingFacts withProfile(PolicyProfile other) {
        return new CodingFacts(lines, diagnoses, placeOfService, other, documentedMuscles, professional,
                undatedMuscles, otherDays);
    }
}
