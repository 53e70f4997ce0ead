package org.chemoadvisor.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;

class MuscleTableTest {

    private final MuscleTable muscles = RulePackLoader.loadBundled().muscles();

    @Test
    void bundledTableCoversTheCommonlyInjectedMusclesOfEverySegment() {
        Set<String> segments = muscles.all().stream().map(Muscle::segment).collect(Collectors.toSet());

        assertThat(muscles.all()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(segments).contains("shoulder", "arm", "forearm", "hand", "hip", "thigh", "leg", "foot",
                "trunk", "paraspinal", "neck");
        assertThat(muscles.citation().table()).contains("muscles");
    }

    @Test
    void everySnomedCodeNamesTheSourceItWasVerifiedIn() {
        assertThat(muscles.all()).filteredOn(m -> m.snomedCode() != null)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.codeSource()).isNotBlank());
    }

    @Test
    void musclesAreFoundByCodeByNameAndBySynonymWhateverTheSpelling() {
        assertThat(muscles.bySnomedCode("22823000")).map(Muscle::id).contains("sternocleidomastoid");
        assertThat(muscles.byName("Flexor Carpi Radialis muscle")).map(Muscle::region).contains(MuscleRegion.UPPER_LIMB);
        assertThat(muscles.byName("FCR")).map(Muscle::id).contains("flexor-carpi-radialis");
        assertThat(muscles.byName("adductor pollicis")).map(Muscle::segment).contains("hand");
        assertThat(muscles.byName("erector-spinae")).map(Muscle::region).contains(MuscleRegion.TRUNK);
        assertThat(muscles.byName("musculus ignotus")).isEmpty();
    }
}
