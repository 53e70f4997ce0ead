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
 */
public record CodingFacts(
        List<ServiceLine> lines,
        List<Diagnosis> diagnoses,
        String placeOfService,
        PolicyProfile profile,
        List<DocumentedMuscle> documentedMuscles,
        boolean professional) {

    public CodingFacts {
        lines = List.copyOf(lines);
        diagnoses = List.copyOf(diagnoses == null ? List.of() : diagnoses);
        documentedMuscles = List.copyOf(documentedMuscles == null ? List.of() : documentedMuscles);
        Objects.requireNonNull(profile, "profile");
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
        return new CodingFacts(subset, diagnoses, placeOfService, profile, documentedMuscles, professional);
    }

    public CodingFacts withProfile(PolicyProfile other) {
        return new CodingFacts(lines, diagnoses, placeOfService, other, documentedMuscles, professional);
    }
}
