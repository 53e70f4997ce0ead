package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A toxin ordered as a medication (CDS Hooks MedicationRequest) is a drug line: CHEMO-32 stays
 * silent, and CHEMO-30 asks no JW/JZ of it (those go on the billed drug line).
 */
class ToxinMedicationOrderTest {

    private final RulePack pack = RulePackLoader.loadBundled();
    private final RuleEngine engine = new RuleEngine(RuleCatalog.inPrecedenceOrder(), pack);

    private static CodingFacts withMedicationOrder(CodingFacts facts, String jCode) {
        List<ServiceLine> lines = new ArrayList<>(facts.lines());
        int index = lines.size();
        lines.add(new ServiceLine(index, jCode, List.of(), 1, null, null, List.of(), null,
                new SourcePaths("MedicationRequest/mr-1", "MedicationRequest", "MedicationRequest.medication",
                        "MedicationRequest.dispenseRequest.quantity", "MedicationRequest.medication"), true));
        return new CodingFacts(lines, facts.diagnoses(), facts.placeOfService(), facts.profile(),
                facts.documentedMuscles(), facts.professional());
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void officeLimbChemodenervationWithAToxinMedicationOrderGetsNoFinding(PolicyProfile profile) {
        CodingFacts office = Lines.on(profile).line("64644").pos("11").diagnosis("G80.1").facts();

        assertThat(engine.evaluate(office)).extracting(Finding::ruleId).containsExactly("CHEMO-32");
        assertThat(engine.evaluate(withMedicationOrder(office, "J0585"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void billedToxinLineWithoutJwOrJzStillNeedsOne(PolicyProfile profile) {
        CodingFacts billed = Lines.on(profile).line("64644").line("J0585", 200).pos("11").diagnosis("G80.1").facts();

        assertThat(engine.evaluate(billed)).extracting(Finding::ruleId).containsExactly("CHEMO-30");
    }
}
