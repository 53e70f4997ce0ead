package org.chemoadvisor.rules.chemo;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleIds;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published rule-ID CodeSystem names every rule the engine runs. */
class CodingRulesCodeSystemTest {

    private static final Path FILE = Path.of("fhir-resources", "CodeSystem-coding-rules.json");
    private static CodeSystem codeSystem;

    @BeforeAll
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            codeSystem = FhirContext.forR4Cached().newJsonParser().parseResource(CodeSystem.class, reader);
        }
    }

    @Test
    void isTheActiveCompleteCodeSystemAtTheRuleIdUrl() {
        assertThat(codeSystem.getUrl()).isEqualTo(RuleIds.SYSTEM);
        assertThat(codeSystem.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
        assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.COMPLETE);
        assertThat(codeSystem.getCount()).isEqualTo(codeSystem.getConcept().size());
    }

    @Test
    void everyRuleInTheCatalogHasAConcept() {
        List<String> codes = codeSystem.getConcept().stream().map(ConceptDefinitionComponent::getCode).toList();
        assertThat(RuleCatalog.inPrecedenceOrder()).isNotEmpty();
        assertThat(codes).containsAll(RuleCatalog.inPrecedenceOrder().stream().map(Rule::id).toList());
        assertThat(codes).doesNotHaveDuplicates();
    }

    @Test
    void everyConceptHasATitleADefinitionBothSeveritiesItsAuthorityAndItsFix() {
        List<String> severities = List.of("error", "warning", "information");
        assertThat(codeSystem.getConcept()).allSatisfy(concept -> {
            assertThat(concept.getDisplay()).isNotBlank();
            assertThat(concept.getDefinition()).isNotBlank();
            for (String profile : List.of("medicare-severity", "commercial-severity")) {
                assertThat(concept.getProperty()).filteredOn(p -> p.getCode().equals(profile))
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(severities).contains(p.getValueCodeType().getCode()));
            }
            for (String text : List.of("authority", "fix")) {
                assertThat(concept.getProperty()).as(concept.getCode() + " " + text)
                        .filteredOn(p -> p.getCode().equals(text))
                        .singleElement()
                        .satisfies(p -> assertThat(p.getValueStringType().getValue()).isNotBlank());
            }
        });
    }
}
