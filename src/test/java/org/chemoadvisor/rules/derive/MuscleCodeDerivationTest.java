package org.chemoadvisor.rules.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.Region.LEFT_LOWER_LIMB;
import static org.chemoadvisor.facts.Region.LEFT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_LOWER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.TRUNK;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;

class MuscleCodeDerivationTest {

    private static final RulePack PACK = RulePackLoader.loadBundled();
    private static final List<String> ARM = List.of("biceps-brachii", "brachialis", "brachioradialis",
            "pronator-teres", "flexor-carpi-radialis", "flexor-carpi-ulnaris");
    private static final List<String> LEG = List.of("gastrocnemius", "soleus", "tibialis-posterior",
            "flexor-digitorum-longus", "flexor-hallucis-longus");

    private final MuscleCodeDerivation derivation = new MuscleCodeDerivation(PACK.codeSets());
    private final List<DocumentedMuscle> muscles = new ArrayList<>();

    private void add(Region region, List<String> ids) {
        ids.forEach(id -> muscles.add(new DocumentedMuscle(id, id, region, "Procedure.bodySite[" + muscles.size() + "]")));
    }

    private List<DerivedCode> derived() {
        return derivation.derive(muscles).codes();
    }

    @Test
    void twoArmsWithSixAndThreeMusclesAre64644And64643() {
        add(RIGHT_UPPER_LIMB, ARM);
        add(LEFT_UPPER_LIMB, ARM.subList(0, 3));

        assertThat(derived()).containsExactly(new DerivedCode("64644", 1), new DerivedCode("64643", 1));
    }

    @Test
    void theLimbWithMostMusclesIsTheFirstLimbWhateverTheOrder() {
        add(LEFT_UPPER_LIMB, ARM.subList(0, 3));
        add(RIGHT_UPPER_LIMB, ARM);

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.codes()).containsExactly(new DerivedCode("64644", 1), new DerivedCode("64643", 1));
        assertThat(result.musclesByRegion().keySet()).containsExactly(RIGHT_UPPER_LIMB, LEFT_UPPER_LIMB);
    }

    @Test
    void eachDerivedUnitNamesTheRegionItStandsFor() {
        add(RIGHT_UPPER_LIMB, ARM);
        add(LEFT_LOWER_LIMB, LEG.subList(0, 2));
        add(LEFT_UPPER_LIMB, ARM.subList(0, 3));
        add(Region.TRUNK, List.of("erector-spinae"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.regionsOf("64644")).containsExactly(RIGHT_UPPER_LIMB);
        assertThat(result.regionsOf("64643")).containsExactly(LEFT_UPPER_LIMB, LEFT_LOWER_LIMB);
        assertThat(result.regionsOf("64646")).containsExactly(Region.TRUNK);
        assertThat(result.regionsOf("64645")).isEmpty();
    }

    @Test
    void fourLimbsWithFivePlusEachAre64644AndThreeUnitsOf64645() {
        add(RIGHT_UPPER_LIMB, ARM);
        add(LEFT_UPPER_LIMB, ARM);
        add(RIGHT_LOWER_LIMB, LEG);
        add(LEFT_LOWER_LIMB, LEG);

        assertThat(derived()).containsExactly(new DerivedCode("64644", 1), new DerivedCode("64645", 3));
    }

    @Test
    void theSameMuscleListedTwiceCountsOnceSoFiveListedAreFourMuscles() {
        add(RIGHT_UPPER_LIMB, List.of("biceps-brachii", "brachialis", "brachioradialis", "pronator-teres",
                "biceps-brachii"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.musclesByRegion()).containsEntry(RIGHT_UPPER_LIMB, 4);
        assertThat(result.codes()).containsExactly(new DerivedCode("64642", 1));
    }

    @Test
    void handMusclesCountWithTheirArm() {
        add(RIGHT_UPPER_LIMB, List.of("biceps-brachii", "flexor-carpi-radialis", "flexor-digitorum-superficialis"));
        add(RIGHT_UPPER_LIMB, List.of("adductor-pollicis", "first-dorsal-interosseous"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.musclesByRegion()).containsExactly(java.util.Map.entry(RIGHT_UPPER_LIMB, 5));
        assertThat(result.codes()).containsExactly(new DerivedCode("64644", 1));
    }

    @Test
    void trunkMusclesAreNeverCountedInALimb() {
        add(RIGHT_UPPER_LIMB, ARM.subList(0, 4));
        add(TRUNK, List.of("erector-spinae"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.musclesByRegion()).containsEntry(RIGHT_UPPER_LIMB, 4).containsEntry(TRUNK, 1);
        assertThat(result.codes()).containsExactly(new DerivedCode("64642", 1), new DerivedCode("64646", 1));
    }

    @Test
    void sixTrunkMusclesAre64647AndNeckMusclesAre64616() {
        add(TRUNK, List.of("erector-spinae", "iliocostalis", "longissimus", "spinalis", "multifidus",
                "quadratus-lumborum"));
        add(Region.NECK, List.of("sternocleidomastoid", "splenius-capitis"));

        assertThat(derived()).containsExactly(new DerivedCode("64647", 1), new DerivedCode("64616", 1));
    }

    @Test
    void anUnknownMuscleIsReportedNotCounted() {
        add(RIGHT_UPPER_LIMB, ARM.subList(0, 4));
        muscles.add(new DocumentedMuscle("flexor mysterious", "flexor mysterious", null, "Procedure.bodySite[4]"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.unplaced()).extracting(DocumentedMuscle::name).containsExactly("flexor mysterious");
        assertThat(result.musclesByRegion()).containsEntry(RIGHT_UPPER_LIMB, 4);
        assertThat(result.codes()).containsExactly(new DerivedCode("64642", 1));
    }

    @Test
    void aLimbMuscleWithoutItsSideIsReportedNotCounted() {
        add(Region.UNSPECIFIED_LIMB, List.of("soleus"));

        DerivedCodes result = derivation.derive(muscles);

        assertThat(result.unplaced()).hasSize(1);
        assertThat(result.codes()).isEmpty();
    }
}
