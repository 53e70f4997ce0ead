package org.chemoadvisor.bulk.generate;

import static org.chemoadvisor.fhir.CodeSystems.CPT;
import static org.chemoadvisor.fhir.CodeSystems.HCPCS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.chemoadvisor.rulepack.Muscle;
import org.chemoadvisor.rulepack.MuscleRegion;
import org.chemoadvisor.rulepack.MuscleTable;

/**
 * Correctly coded visits, varied the way a clinic's are: how many limbs and muscles, guidance or
 * not, which toxin and how much of the vial is discarded, a same-day visit with modifier 25, and,
 * for some, the injected muscles documented per limb. The muscles come from the rule pack's table,
 * so documentation is always in words the product recognises.
 */
final class VisitScenarios {

    /** ICD-10-CM codes a clinic reports for each indication (all in the supporting-diagnosis sets). */
    private static final List<String> SPASTICITY = List.of("G81.11", "G81.12", "G81.13", "G81.14", "G80.0",
            "G80.1", "G80.2", "I69.351", "I69.352", "I69.331", "I69.341", "I69.051", "G24.1");
    /** Multiple sclerosis: one code until FY2026, a subcode for the clinical course after. */
    private static final LocalDate FY2026 = LocalDate.of(2025, 10, 1);
    private static final String[] LIMBS = {"Right", "Left"};

    private final Random random;
    private final List<Muscle> upperLimb;
    private final List<Muscle> lowerLimb;

    VisitScenarios(Random random, MuscleTable muscles) {
        this.random = random;
        this.upperLimb = muscles.all().stream().filter(m -> m.region() == MuscleRegion.UPPER_LIMB).toList();
        this.lowerLimb = muscles.all().stream().filter(m -> m.region() == MuscleRegion.LOWER_LIMB).toList();
    }

    Visit clean(Indication indication, LocalDate date) {
        return switch (indication) {
            case LIMB_SPASTICITY -> limbs(date, limbMuscleCounts(), random.nextInt(10) < 4);
            case CERVICAL_DYSTONIA -> single(Indication.CERVICAL_DYSTONIA, date, "64616",
                    pick("G24.3", "G24.3", "G24.8"), 150 + 25 * random.nextInt(7));
            case CHRONIC_MIGRAINE -> single(Indication.CHRONIC_MIGRAINE, date, "64615",
                    pick("G43.709", "G43.719", "G43.701"), 155 + 40 * random.nextInt(2));
            case FACIAL_SPASM -> single(Indication.FACIAL_SPASM, date, "64612",
                    pick("G24.5", "G24.5", "G51.31", "G51.32"), 20 + 5 * random.nextInt(7));
            case TRUNCAL_DYSTONIA -> trunk(date, 1 + random.nextInt(8));
        };
    }

    /** 1 to 4 limbs, 1 to 8 muscles each, weighted to the two-limb, five-plus-muscle visits clinics see most. */
    int[] limbMuscleCounts() {
        int limbs = pick(1, 1, 2, 2, 2, 3, 4);
        int[] counts = new int[limbs];
        for (int i = 0; i < limbs; i++) {
            counts[i] = pick(2, 3, 4, 5, 5, 6, 6, 7, 8);
        }
        return counts;
    }

    /**
     * A limb visit coded as CPT says: the primary for the first limb (64644 when any limb has five or
     * more muscles, and that limb is the primary's), an add-on unit per further limb by its count.
     */
    Visit limbs(LocalDate date, int[] muscleCounts, boolean document) {
        Visit visit = new Visit(Indication.LIMB_SPASTICITY, date);
        visit.diagnoses.add(spasticityDiagnosis(date));
        int[] counts = muscleCounts.clone();
        java.util.Arrays.sort(counts);
        List<String> sides = new ArrayList<>(List.of("Right arm", "Left arm", "Right leg", "Left leg"));
        Collections.shuffle(sides, random);
        int addOn1To4 = 0;
        int addOn5Plus = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            boolean primary = i == counts.length - 1;
            boolean fivePlus = counts[i] >= 5;
            String code = primary ? (fivePlus ? "64644" : "64642") : (fivePlus ? "64645" : "64643");
            if (primary) {
                visit.add(CPT, code, 1);
            } else if (fivePlus) {
                addOn5Plus++;
            } else {
                addOn1To4++;
            }
            if (document) {
                visit.documented.add(new Visit.DocumentedLimb(code, muscles(sides.get(counts.length - 1 - i),
                        counts[i])));
            }
        }
        if (addOn1To4 > 0) {
            visit.add(CPT, "64643", addOn1To4);
        }
        if (addOn5Plus > 0) {
            visit.add(CPT, "64645", addOn5Plus);
        }
        guidance(visit);
        sameDayVisit(visit);
        toxin(visit, Math.min(500, 100 * counts.length + 25 * random.nextInt(5)));
        return visit;
    }

    Visit single(Indication indication, LocalDate date, String code, String diagnosis, int dose) {
        Visit visit = new Visit(indication, date);
        visit.diagnoses.add(diagnosis);
        visit.add(CPT, code, 1);
        if (indication == Indication.CERVICAL_DYSTONIA) {
            guidance(visit);
        }
        toxin(visit, dose);
        return visit;
    }

    Visit trunk(LocalDate date, int muscles) {
        Visit visit = new Visit(Indication.TRUNCAL_DYSTONIA, date);
        visit.diagnoses.add(pick("G24.1", "G24.8", "G24.9"));
        visit.add(CPT, muscles <= 5 ? "64646" : "64647", 1);
        guidance(visit);
        toxin(visit, 100 + 25 * random.nextInt(5));
        return visit;
    }

    private void guidance(Visit visit) {
        int roll = random.nextInt(10);
        if (roll < 7) {
            visit.add(CPT, "95874", 1);
        } else if (roll < 8) {
            visit.add(CPT, "95873", 1);
        }
    }

    private void sameDayVisit(Visit visit) {
        if (random.nextInt(4) == 0) {
            visit.add(CPT, pick("99213", "99214"), 1, "25");
        }
    }

    /**
     * The drug lines: onabotulinumtoxinA from 100-unit vials (J0585, per unit), the unused rest of the
     * last vial billed with JW, or JZ when nothing was discarded; a fifth of the time
     * abobotulinumtoxinA (J0586, per 5 units) from a 500-unit vial.
     */
    void toxin(Visit visit, int dose) {
        if (random.nextInt(5) == 0) {
            int units = Math.min(1000, dose * 3 - dose * 3 % 5);
            int discarded = (500 - units % 500) % 500;
            drugLines(visit, "J0586", units / 5, discarded / 5);
            return;
        }
        drugLines(visit, "J0585", dose, (100 - dose % 100) % 100);
    }

    private static void drugLines(Visit visit, String code, int administered, int discarded) {
        if (discarded == 0) {
            visit.add(HCPCS, code, administered, "JZ");
        } else {
            visit.add(HCPCS, code, administered);
            visit.add(HCPCS, code, discarded, "JW");
        }
    }

    String spasticityDiagnosis(LocalDate date) {
        if (random.nextInt(10) == 0) {
            return date.isBefore(FY2026) ? "G35" : pick("G35.A", "G35.B0", "G35.C1", "G35.D");
        }
        return SPASTICITY.get(random.nextInt(SPASTICITY.size()));
    }

    /** {@code count} distinct muscles of the limb, named as a note does: "Right Flexor carpi ulnaris". */
    List<String> muscles(String limb, int count) {
        List<Muscle> candidates = new ArrayList<>(limb.endsWith("arm") ? upperLimb : lowerLimb);
        Collections.shuffle(candidates, random);
        String side = limb.startsWith(LIMBS[0]) ? LIMBS[0] : LIMBS[1];
        return candidates.subList(0, count).stream().map(m -> side + " " + m.name()).toList();
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
