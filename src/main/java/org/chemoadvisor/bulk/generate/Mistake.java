package org.chemoadvisor.bulk.generate;

import static org.chemoadvisor.fhir.CodeSystems.CPT;
import static org.chemoadvisor.fhir.CodeSystems.HCPCS;

import java.time.LocalDate;
import java.util.List;

/**
 * The coding mistakes the generator makes on purpose, each on an otherwise correct visit and each
 * raising one rule of the coding check under the Medicare profile. The re-injection and
 * global-period mistakes ({@link #REINJECTION_TOO_SOON}, {@link #VISIT_IN_GLOBAL_PERIOD}) are made by
 * the generator in the patient's timeline; the others here, on one visit.
 */
enum Mistake {
    ADD_ON_5_PLUS_WITHOUT_PRIMARY("CHEMO-01") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {5 + scenarios.pick(0, 1, 2), 5 + scenarios.pick(0, 2)},
                    false);
            visit.remove("64644");
            return visit;
        }
    },
    ADD_ON_1_TO_4_WITHOUT_PRIMARY("CHEMO-02") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {scenarios.pick(2, 3, 4), scenarios.pick(1, 2, 3)}, false);
            visit.remove("64642");
            return visit;
        }
    },
    TWO_PRIMARIES("CHEMO-03") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6, scenarios.pick(2, 3)}, false);
            visit.replace("64643", line -> new Visit.Line(CPT, "64642", List.of(), 1, line.diagnoses()));
            return visit;
        }
    },
    MORE_THAN_FOUR_LIMBS("CHEMO-04") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6, 5, 3, 2}, false);
            visit.replace("64645", line -> line.withQuantity(2));
            return visit;
        }
    },
    BILATERAL_MODIFIER("CHEMO-06") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6, 6}, false);
            visit.replace("64645", line -> line.withModifier("50"));
            return visit;
        }
    },
    BOTH_TRUNK_CODES("CHEMO-07") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.trunk(date, 4);
            visit.lines.add(1, cptLine("64647"));
            return visit;
        }
    },
    DOCUMENTED_COUNT_BILLED_AS_5_PLUS("CHEMO-05") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6, 3}, true);
            visit.replace("64643", line -> new Visit.Line(CPT, "64645", List.of(), 1, line.diagnoses()));
            return visit;
        }
    },
    MUSCLE_NOT_RECOGNISED("CHEMO-08") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6}, true);
            Visit.DocumentedLimb limb = visit.documented.get(0);
            List<String> muscles = new java.util.ArrayList<>(limb.muscles());
            muscles.set(0, muscles.get(0).split(" ")[0] + " bicepz brachialus");
            visit.documented.set(0, new Visit.DocumentedLimb(limb.code(), muscles));
            return visit;
        }
    },
    GUIDANCE_WITHOUT_PROCEDURE("CHEMO-10") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = new Visit(Indication.LIMB_SPASTICITY, date);
            visit.diagnoses.add(scenarios.spasticityDiagnosis(date));
            visit.add(CPT, "95874", 1);
            return visit;
        }
    },
    TWO_GUIDANCE_METHODS("CHEMO-11") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = guided(scenarios, date);
            visit.lines.add(1, cptLine("95873"));
            return visit;
        }
    },
    GUIDANCE_UNITS("CHEMO-12") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = guided(scenarios, date);
            visit.replace("95874", line -> line.withQuantity(2));
            return visit;
        }
    },
    GUIDANCE_WITH_NEEDLE_EMG("CHEMO-13") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = guided(scenarios, date);
            visit.lines.add(1, cptLine("95860"));
            return visit;
        }
    },
    GUIDANCE_WITH_LARYNX("CHEMO-14") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.single(Indication.CERVICAL_DYSTONIA, date, "64616", "G24.9", 100);
            visit.remove("95874");
            visit.remove("95873");
            visit.lines.add(1, cptLine("64617"));
            visit.lines.add(2, cptLine("95874"));
            return visit;
        }
    },
    GUIDANCE_AT_FACILITY_WITHOUT_26("CHEMO-15") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = guided(scenarios, date);
            visit.placeOfService = "22";
            visit.removeDrugLines();
            return visit;
        }
    },
    PAIR_NEVER_TOGETHER("CHEMO-20") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.single(Indication.FACIAL_SPASM, date, "64612", "G51.31", 50);
            visit.lines.add(1, cptLine("95860"));
            return visit;
        }
    },
    PAIR_WITHOUT_DISTINCT_MODIFIER("CHEMO-21") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = new Visit(Indication.CHRONIC_MIGRAINE, date);
            visit.diagnoses.addAll(List.of("G43.709", "G81.11"));
            visit.add(CPT, "64615", 1);
            visit.lines.add(new Visit.Line(CPT, "64642", List.of(), 1, List.of(2)));
            visit.lines.add(new Visit.Line(HCPCS, "J0585", List.of("JZ"), 300, List.of(1, 2)));
            return visit;
        }
    },
    UNITS_ABOVE_MUE("CHEMO-22") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.single(Indication.CERVICAL_DYSTONIA, date, "64616", "G24.3", 200);
            visit.replace("64616", line -> line.withQuantity(2));
            return visit;
        }
    },
    DISTINCT_MODIFIER_ON_VISIT("CHEMO-24") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6}, false);
            visit.remove("99213");
            visit.remove("99214");
            visit.lines.add(1, new Visit.Line(CPT, "99213", List.of("59"), 1, List.of(1)));
            return visit;
        }
    },
    NO_DISCARDED_DRUG_MODIFIER("CHEMO-30") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, new int[] {6, 4}, false);
            visit.removeDrugLines();
            visit.add(HCPCS, "J0585", 200);
            return visit;
        }
    },
    NO_SUPPORTING_DIAGNOSIS("CHEMO-31") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, scenarios.limbMuscleCounts(), false);
            visit.diagnoses.set(0, "R25.2");
            return visit;
        }
    },
    NO_DRUG_LINE_IN_OFFICE("CHEMO-32") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, scenarios.limbMuscleCounts(), false);
            visit.removeDrugLines();
            return visit;
        }
    },
    DRUG_LINE_AT_FACILITY("CHEMO-34") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = guided(scenarios, date);
            visit.placeOfService = "22";
            visit.replace("95874", line -> line.withModifier("26"));
            return visit;
        }
    },
    DIAGNOSIS_DELETED_ON_DATE("CHEMO-35") {
        @Override
        boolean possibleOn(LocalDate date) {
            return !date.isBefore(LocalDate.of(2025, 10, 1));
        }

        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = scenarios.limbs(date, scenarios.limbMuscleCounts(), false);
            visit.diagnoses.set(0, "G35");
            return visit;
        }
    },
    DIAGNOSIS_FOR_ANOTHER_SITE("CHEMO-36") {
        @Override
        Visit make(VisitScenarios scenarios, LocalDate date) {
            Visit visit = new Visit(Indication.FACIAL_SPASM, date);
            visit.diagnoses.addAll(List.of("G24.5", "G81.11"));
            visit.add(CPT, "64612", 1);
            visit.add(CPT, "64644", 1);
            visit.lines.add(new Visit.Line(HCPCS, "J0585", List.of("JZ"), 300, List.of(1, 2)));
            return visit;
        }
    },
    REINJECTION_TOO_SOON("CHEMO-41") {
        @Override
        boolean possibleOn(LocalDate date) {
            return false;
        }
    },
    VISIT_IN_GLOBAL_PERIOD("CHEMO-40") {
        @Override
        boolean possibleOn(LocalDate date) {
            return false;
        }
    };

    final String ruleId;

    Mistake(String ruleId) {
        this.ruleId = ruleId;
    }

    /** Whether this mistake can be made on one visit of that date. */
    boolean possibleOn(LocalDate date) {
        return true;
    }

    Visit make(VisitScenarios scenarios, LocalDate date) {
        throw new UnsupportedOperationException(name() + " is made in the patient's timeline");
    }

    /** One unit of a CPT code, pointing at the first diagnosis. */
    private static Visit.Line cptLine(String code) {
        return new Visit.Line(CPT, code, List.of(), 1, List.of(1));
    }

    /** A two-limb visit with EMG guidance, the visit most guidance mistakes are made on. */
    private static Visit guided(VisitScenarios scenarios, LocalDate date) {
        Visit visit = scenarios.limbs(date, new int[] {6, 3}, false);
        for (String code : List.of("95873", "95874", "99213", "99214")) {
            visit.remove(code);
        }
        visit.lines.add(1, cptLine("95874"));
        return visit;
    }
}
