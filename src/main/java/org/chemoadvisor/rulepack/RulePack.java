package org.chemoadvisor.rulepack;

import java.util.Objects;

/**
 * The data the rules run on: NCCI tables, fee schedule indicators, code sets, which diagnoses
 * support which chemodenervation site and when ICD-10-CM codes are valid, and the tables the
 * adapters read documentation and orders with (muscles, toxin medication names). Immutable; loaded
 * and validated once at start-up.
 */
public record RulePack(AddOnEdits addOns, MueTable mue, PtpTable ptp, MpfsIndicators mpfs, CodeSets codeSets,
        MuscleTable muscles, ToxinMedications toxinMedications, DiagnosisSites diagnosisSites,
        Icd10CmValidity icd10cm) {

    public RulePack {
        Objects.requireNonNull(addOns, "addOns");
        Objects.requireNonNull(mue, "mue");
        Objects.requireNonNull(ptp, "ptp");
        Objects.requireNonNull(mpfs, "mpfs");
        Objects.requireNonNull(codeSets, "codeSets");
        Objects.requireNonNull(muscles, "muscles");
        Objects.requireNonNull(toxinMedications, "toxinMedications");
        Objects.requireNonNull(diagnosisSites, "diagnosisSites");
        Objects.requireNonNull(icd10cm, "icd10cm");
    }

    /** A pack without diagnosis sites or ICD-10-CM periods: the diagnosis rules see nothing to check. */
    public RulePack(AddOnEdits addOns, MueTable mue, PtpTable ptp, MpfsIndicators mpfs, CodeSets codeSets,
            MuscleTable muscles, ToxinMedications toxinMedications) {
        this(addOns, mue, ptp, mpfs, codeSets, muscles, toxinMedications, DiagnosisSites.EMPTY, Icd10CmValidity.EMPTY);
    }

    /** The same pack with other code sets (e.g. a payer's supporting diagnoses). */
    public RulePack withCodeSets(CodeSets other) {
        return new RulePack(addOns, mue, ptp, mpfs, other, muscles, toxinMedications, diagnosisSites, icd10cm);
    }
}
