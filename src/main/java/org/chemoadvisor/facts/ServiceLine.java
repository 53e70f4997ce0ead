package org.chemoadvisor.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One billed or ordered service: a CPT/HCPCS code with its modifiers and units.
 *
 * @param index            position of this line in {@link CodingFacts#lines()}; fixes refer to it
 * @param code             CPT or HCPCS code, upper case
 * @param modifiers        modifiers in source order, upper case
 * @param units            units of service (at least 1; an absent quantity means 1)
 * @param date             date of service, or null when the source gives none
 * @param placeOfService   CMS place-of-service code for this line, or null
 * @param diagnosisCodes   ICD-10-CM codes this line points at (may be empty)
 * @param limb             the limb the source says this line is for ({@link Region}), or null
 * @param paths            where the line came from
 * @param medicationOrder  true for a drug line read from a medication order (CDS Hooks
 *                         MedicationRequest): it says the drug is ordered, but carries no billing
 *                         modifiers (JW/JZ are added when the drug is billed) and no billing units
 */
public record ServiceLine(
        int index,
        String code,
        List<String> modifiers,
        int units,
        LocalDate date,
        String placeOfService,
        List<String> diagnosisCodes,
        Region limb,
        SourcePaths paths,
        boolean medicationOrder) {

    /** A billed or ordered service (not a medication order). */
    public ServiceLine(int index, String code, List<String> modifiers, int units, LocalDate date,
            String placeOfService, List<String> diagnosisCodes, Region limb, SourcePaths paths) {
        this(index, code, modifiers, units, date, placeOfService, diagnosisCodes, limb, paths, false);
    }

    public ServiceLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(paths, "paths");
        modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
        diagnosisCodes = List.copyOf(diagnosisCodes == null ? List.of() : diagnosisCodes);
    }

    public boolean hasModifier(String modifier) {
        return modifiers.contains(modifier);
    }

    /** Zero-based position of the modifier on this line, or -1. */
    public int modifierPosition(String modifier) {
        return modifiers.indexOf(modifier);
    }
}
