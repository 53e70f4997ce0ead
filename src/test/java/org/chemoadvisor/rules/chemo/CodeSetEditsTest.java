package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chemoadvisor.facts.Region.LEFT_UPPER_LIMB;
import static org.chemoadvisor.facts.Region.RIGHT_UPPER_LIMB;

import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.derive.DerivedCode;
import org.junit.jupiter.api.Test;

/** Billed lines become the derived code set; each code goes to the line of its limb when both are known. */
class CodeSetEditsTest {

    private static final List<DerivedCode> ARMS_6_AND_3 = List.of(new DerivedCode("64644", 1),
            new DerivedCode("64643", 1));
    private static final Map<String, List<Region>> LIMBS = Map.of("64644", List.of(RIGHT_UPPER_LIMB),
            "64643", List.of(LEFT_UPPER_LIMB));

    private static ServiceLine line(int index, String code, Region limb) {
        return new ServiceLine(index, code, List.of(), 1, null, null, List.of(), limb, SourcePaths.claimItem(index));
    }

    @Test
    void aPrimaryCodeOnTheSmallerLimbMovesToTheLineOfTheLargerLimb() {
        // The 6-muscle right arm was coded 64645 and the 3-muscle left arm 64644.
        List<ServiceLine> billed = List.of(line(0, "64645", RIGHT_UPPER_LIMB), line(1, "64644", LEFT_UPPER_LIMB));

        List<FixAction> actions = CodeSetEdits.replace(billed, ARMS_6_AND_3, code -> LIMBS.getOrDefault(code, List.of()));

        assertThat(actions).containsExactlyInAnyOrder(new FixAction.ChangeCode(0, "64644"),
                new FixAction.ChangeCode(1, "64643"));
    }

    @Test
    void withoutLimbsOnTheLinesTheFewestEditsWin() {
        List<ServiceLine> billed = List.of(line(0, "64645", null), line(1, "64644", null));

        List<FixAction> actions = CodeSetEdits.replace(billed, ARMS_6_AND_3, code -> LIMBS.getOrDefault(code, List.of()));

        assertThat(actions).containsExactly(new FixAction.ChangeCode(0, "64643"));
    }

    @Test
    void aMissingLimbIsAddedNamingTheRegionItStandsFor() {
        List<ServiceLine> billed = List.of(line(0, "64644", RIGHT_UPPER_LIMB));

        List<FixAction> actions = CodeSetEdits.replace(billed, ARMS_6_AND_3, code -> LIMBS.getOrDefault(code, List.of()));

        assertThat(actions).containsExactly(new FixAction.AddLine("64643", 1, List.of(), 0, List.of(LEFT_UPPER_LIMB)));
    }
}
