package org.chemoadvisor.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoadException;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;

/** chemo.policy.supporting-diagnoses: which supporting-diagnosis set each payer's requests get. */
@ExtendWith(OutputCaptureExtension.class)
class PayerRulePacksTest {

    private static final String ACME_SET = "classpath:valuesets/acme-supporting-diagnoses.json";
    private static final String ACME_URL =
            "http://acme-health-plan.example/fhir/ValueSet/chemodenervation-supporting-diagnoses";
    private static final String DEFAULT_URL =
            "http://chemoadvisor.org/fhir/ValueSet/chemodenervation-supporting-diagnoses";

    private final RulePack bundled = RulePackLoader.loadBundled();

    private PayerRulePacks packs(String defaultSet, Map<String, String> payers) {
        PolicyProperties properties = new PolicyProperties("medicare", Map.of(),
                new PolicyProperties.SupportingDiagnoses(defaultSet, payers));
        return new PayerRulePacks(bundled, properties, new DefaultResourceLoader());
    }

    @Test
    void payerWithItsOwnValueSetGetsThatSetMatchedByNameOrIdentifierIgnoringCase() {
        PayerRulePacks packs = packs(null, Map.of("Acme Health Plan", ACME_SET, "ACME-01", ACME_SET));

        for (List<String> keys : List.of(List.of("acme health plan"), List.of("other", "ACME-01"))) {
            CodeSets sets = packs.forPayers(keys).codeSets();
            assertThat(sets.codes(CodeSets.SUPPORTING_DIAGNOSIS)).containsExactlyInAnyOrder("G80", "G811", "R252");
            assertThat(sets.citation(CodeSets.SUPPORTING_DIAGNOSIS).url()).isEqualTo(ACME_URL);
            assertThat(sets.citation(CodeSets.SUPPORTING_DIAGNOSIS).version()).isEqualTo("2025.3");
        }
    }

    @Test
    void reinjectionIntervalIsTheRulePacksUnlessSetByDefaultOrPerPayerAndCitesTheSetting() {
        PolicyProperties properties = new PolicyProperties("medicare", Map.of(), null,
                new PolicyProperties.Reinjection(Duration.ofDays(90), Map.of("Acme Health Plan", Duration.ofDays(112))));
        PayerRulePacks packs = new PayerRulePacks(bundled, properties, new DefaultResourceLoader());

        assertThat(bundled.codeSets().single(CodeSets.REINJECTION_MINIMUM_DAYS)).isEqualTo("84");
        CodeSets others = packs.forPayers(List.of("Medicare Part B")).codeSets();
        assertThat(others.single(CodeSets.REINJECTION_MINIMUM_DAYS)).isEqualTo("90");
        assertThat(others.citation(CodeSets.REINJECTION_MINIMUM_DAYS).table())
                .isEqualTo("Payer policy setting chemo.policy.reinjection.minimum-interval");
        CodeSets acme = packs.forPayers(List.of("ACME HEALTH PLAN")).codeSets();
        assertThat(acme.single(CodeSets.REINJECTION_MINIMUM_DAYS)).isEqualTo("112");
        assertThat(acme.citation(CodeSets.REINJECTION_MINIMUM_DAYS).table()).contains("payers[Acme Health Plan]");
        assertThat(acme.codes(CodeSets.SUPPORTING_DIAGNOSIS)).isEqualTo(bundled.codeSets().codes(CodeSets.SUPPORTING_DIAGNOSIS));
    }

    @Test
    void aReinjectionIntervalThatIsNotWholeDaysStopsStartUpNamingTheSetting() {
        PolicyProperties properties = new PolicyProperties("medicare", Map.of(), null,
                new PolicyProperties.Reinjection(Duration.ofHours(36), Map.of()));

        assertThatThrownBy(() -> new PayerRulePacks(bundled, properties, new DefaultResourceLoader()))
                .hasMessageContaining("chemo.policy.reinjection.minimum-interval").hasMessageContaining("84d");
    }

    @Test
    void otherPayersKeepTheBundledSetAndEveryOtherTable() {
        PayerRulePacks packs = packs(null, Map.of("Acme Health Plan", ACME_SET));

        RulePack pack = packs.forPayers(List.of("Medicare Part B"));

        assertThat(pack).isSameAs(bundled);
        RulePack acme = packs.forPayers(List.of("Acme Health Plan"));
        assertThat(acme.ptp()).isSameAs(bundled.ptp());
        assertThat(acme.codeSets().codes(CodeSets.TOXIN)).isEqualTo(bundled.codeSets().codes(CodeSets.TOXIN));
        assertThat(acme.codeSets().codes(CodeSets.SUPPORTING_DIAGNOSIS_WITH_SPASM))
                .isEqualTo(bundled.codeSets().codes(CodeSets.SUPPORTING_DIAGNOSIS_WITH_SPASM));
    }

    @Test
    void defaultValueSetReplacesTheBundledOneForPayersWithoutTheirOwn() {
        PayerRulePacks packs = packs(ACME_SET, Map.of());

        assertThat(packs.forPayers(List.of()).codeSets().citation(CodeSets.SUPPORTING_DIAGNOSIS).url())
                .isEqualTo(ACME_URL);
        assertThat(packs(null, Map.of()).defaultPack().codeSets().citation(CodeSets.SUPPORTING_DIAGNOSIS).url())
                .isEqualTo(DEFAULT_URL);
    }

    @Test
    void unreadableValueSetStopsStartUpNamingTheSettingAndTheFile() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("chemo.policy.supporting-diagnoses.payers[Acme Health Plan]="
                        + "classpath:valuesets/not-a-value-set.json")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(RulePackLoadException.class)
                        .hasMessageContaining("chemo.policy.supporting-diagnoses.payers[Acme Health Plan] = "
                                + "classpath:valuesets/not-a-value-set.json")
                        .hasMessageContaining("is a CodeSystem, not a ValueSet"));
    }

    @Test
    void missingFileStopsStartUp() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("chemo.policy.supporting-diagnoses.default=file:/nonexistent/dx.json")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining(RulePackLoadException.class.getName() + ": chemo.policy"
                                + ".supporting-diagnoses.default = file:/nonexistent/dx.json: cannot be read"));
    }

    @Test
    void startUpFailureSaysWhichSettingAndFile(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Wiring.class)
                .web(WebApplicationType.NONE)
                .properties("chemo.policy.supporting-diagnoses.payers[ACME-01]=classpath:valuesets/not-a-value-set.json")
                .run().close())
                .hasRootCauseInstanceOf(RulePackLoadException.class);
        assertThat(output).contains("The rule pack could not be loaded: chemo.policy.supporting-diagnoses"
                + ".payers[ACME-01] = classpath:valuesets/not-a-value-set.json: is a CodeSystem, not a ValueSet");
    }

    @Test
    void settingsBindAPayerNameWithSpacesInBrackets() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("chemo.policy.supporting-diagnoses.payers[Acme Health Plan]=" + ACME_SET)
                .run(context -> assertThat(context.getBean(PayerRulePacks.class)
                        .forPayers(List.of("Acme Health Plan")).codeSets().codes(CodeSets.SUPPORTING_DIAGNOSIS))
                        .contains("R252"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PolicyProperties.class)
    static class Wiring {

        @Bean
        RulePack rulePack() {
            return RulePackLoader.loadBundled();
        }

        @Bean
        PayerRulePacks payerRulePacks(RulePack pack, PolicyProperties properties,
                org.springframework.core.io.ResourceLoader resources) {
            return new PayerRulePacks(pack, properties, resources);
        }
    }
}
