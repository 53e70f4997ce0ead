package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Lines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same rule says "ordered" on an order, "coded" on documented procedures and "billed" on a claim. */
class AdviceWordsFitTheSourceTest {

    private final RulePack pack = RulePackLoader.loadBundled();

    private static CodingFacts one(PolicyProfile profile, String code, SourcePaths.Kind kind) {
        SourcePaths paths = new SourcePaths("X/1", "X", "X.code", "X.quantity", "X.modifier", kind);
        return CodingFacts.of(profile, List.of(new ServiceLine(0, code, List.of(), 1, Lines.DAY, "11", List.of(), null,
                paths)), List.of(), "11");
    }

    private String summary(CodingFacts facts, org.chemoadvisor.rules.Rule rule) {
        List<Finding> findings = rule.evaluate(facts, pack);
        assertThat(findings).hasSize(1);
        return findings.get(0).summary();
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void anOrderedAddOnIsOrderedNotBilled(PolicyProfile profile) {
        assertThat(summary(one(profile, "64645", SourcePaths.Kind.ORDER), new Chemo01AddOnWithoutPrimary()))
                .startsWith("64645 is ordered with no first-limb code").doesNotContain("billed");
        assertThat(summary(one(profile, "64643", SourcePaths.Kind.ORDER), new Chemo02AddOn1To4WithoutPrimary()))
                .startsWith("64643 is ordered with no first-limb code").doesNotContain("billed");
    }

    @ParameterizedTest
    @EnumSource(PolicyProfile.class)
    void aDocumentedProcedureIsCodedAndAClaimLineBilled(PolicyProfile profile) {
        assertThat(summary(one(profile, "64645", SourcePaths.Kind.PROCEDURE), new Chemo01AddOnWithoutPrimary()))
                .startsWith("64645 is coded with no first-limb code");
        assertThat(summary(Lines.on(profile).line("64645").facts(), new Chemo01AddOnWithoutPrimary()))
                .startsWith("64645 is billed with no first-limb code");
    }
}
