package org.chemoadvisor.cdshooks.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;
import org.chemoadvisor.cdshooks.adapt.ProcedureLines;
import org.chemoadvisor.cdshooks.adapt.ServiceRequestLines;
import org.chemoadvisor.cdshooks.api.Action;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.data.FhirJson;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.RuleIds;
import org.chemoadvisor.rules.Severity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Findings become cards; fixes become actions on the resources the lines came from. */
class CardRendererTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Citation MPFS = new Citation("CMS Medicare physician fee schedule indicators", "2024-07",
            "https://www.cms.gov/medicare/payment/fee-schedules/physician");

    private static AdaptedLines orders;
    private static AdaptedLines procedures;
    private final CardRenderer renderer = renderer(new CardProperties(null, "Coding advisor"));

    @BeforeAll
    static void read() throws Exception {
        orders = ServiceRequestLines.from(bundle("draft-orders-mixed.json"));
        procedures = ProcedureLines.from(bundle("procedures-64642-64645.searchset.json").getEntry().stream()
                .map(e -> (Resource) e.getResource()).toList());
    }

    @Test
    void aFindingBecomesACardNamingItsRuleSourceAndVersion() {
        Card card = renderer.render(finding(Severity.ERROR, Fix.advice("Decide which limb is the first")), orders);

        assertThat(card.indicator()).isEqualTo("critical");
        assertThat(card.source().topic().system()).isEqualTo(RuleIds.SYSTEM);
        assertThat(card.source().topic().code()).isEqualTo("CHEMO-06");
        assertThat(card.source().url()).isEqualTo(MPFS.url());
        assertThat(card.detail()).contains("**What:**", "(2024-07)", "**Suggested fix:** Decide which limb");
        assertThat(card.links()).singleElement().satisfies(link -> {
            assertThat(link.type()).isEqualTo("absolute");
            assertThat(link.url()).isEqualTo(MPFS.url());
        });
        assertThat(card.overrideReasons()).extracting(c -> c.display())
                .contains("Documentation supports the coding as ordered", "Payer-specific policy allows it");
        assertThat(card.suggestions()).isEmpty();
        assertThat(card.selectionBehavior()).isNull();
    }

    @Test
    void aDetailThatAlreadyNamesItsSourceGetsNoSecondSourceParagraph() {
        Finding sourced = new Finding("CHEMO-06", Severity.ERROR, "Modifier 50 does not apply to 64645",
                "**What:** 64645 carries modifier 50.\n\n**Source:** " + MPFS, List.of(MPFS), List.of(), null,
                Set.of());

        Card card = renderer.render(sourced, orders);

        assertThat(card.detail().split("\\*\\*Source:\\*\\*", -1)).hasSize(2);
        assertThat(card.links()).hasSize(1);
    }

    @Test
    void indicatorsFollowConfiguration() {
        CardRenderer stricter = renderer(new CardProperties(Map.of(Severity.WARNING, "critical"), "Coding advisor"));

        assertThat(stricter.render(finding(Severity.WARNING, null), orders).indicator()).isEqualTo("critical");
        assertThat(stricter.render(finding(Severity.INFORMATION, null), orders).indicator()).isEqualTo("info");
        assertThat(renderer.render(finding(Severity.WARNING, null), orders).indicator()).isEqualTo("warning");
    }

    @Test
    void anUnknownIndicatorIsRejectedAtStartUp() {
        assertThatThrownBy(() -> new CardProperties(Map.of(Severity.ERROR, "hard-stop"), "x"))
                .hasMessageContaining("cds.cards.indicators.error");
    }

    @Test
    void editsOfOneOrderBecomeOneUpdateCarryingTheWholeChangedOrder() {
        Fix fix = Fix.of("Remove 50 and count the second limb", new FixAction.RemoveModifier(1, "50"),
                new FixAction.SetUnits(1, 3));

        Card card = renderer.render(finding(Severity.ERROR, fix), orders);

        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        Action update = card.suggestions().get(0).actions().get(0);
        assertThat(card.suggestions().get(0).actions()).hasSize(1);
        assertThat(update.type()).isEqualTo("update");
        JsonNode order = tree(update);
        assertThat(order.path("id").asText()).isEqualTo("sr-addon");
        assertThat(order.path("quantityQuantity").path("value").asInt()).isEqualTo(3);
        assertThat(order.path("orderDetail").toString()).doesNotContain(FhirCodes.MODIFIER_SYSTEM).contains("URGENT");
        assertThat(order.path("subject").path("reference").asText()).isEqualTo("Patient/pat-1");
    }

    @Test
    void aNewLineIsACreateModelledOnItsLineAndARemovedLineADelete() {
        Fix fix = Fix.of("Move the guidance", new FixAction.AddLine("64643", 1, List.of("XS"), 0),
                new FixAction.RemoveLine(2));

        List<Action> actions = renderer.render(finding(Severity.ERROR, fix), orders).suggestions().get(0).actions();

        assertThat(actions).extracting(Action::type).containsExactly("create", "delete");
        JsonNode created = tree(actions.get(0));
        assertThat(created.path("code").path("coding").get(0).path("code").asText()).isEqualTo("64643");
        assertThat(created.path("id").asText()).isNotEqualTo("sr-primary");
        assertThat(created.path("occurrenceDateTime").asText()).isEqualTo("2024-09-10");
        assertThat(created.path("orderDetail").get(0).path("coding").get(0).path("code").asText()).isEqualTo("XS");
        assertThat(actions.get(1).resourceId().reference()).isEqualTo("ServiceRequest/sr-toxin");
        assertThat(actions.get(1).resource()).isNull();
    }

    @Test
    void aFixNeedingAClinicalChoiceStaysAdvice() {
        Fix fix = Fix.of("Link a supporting diagnosis", new FixAction.LinkDiagnosis(0, "chemodenervation-dx"));

        Card card = renderer.render(finding(Severity.WARNING, fix), orders);

        assertThat(card.suggestions()).isEmpty();
        assertThat(card.detail()).contains("**Suggested fix:** Link a supporting diagnosis");
    }

    @Test
    void aFixNotFromDocumentationRecodesProceduresButNeverDeletesThem() {
        Fix recode = Fix.of("Recode", new FixAction.ChangeCode(0, "64644"), new FixAction.ChangeCode(1, "64643"));
        Fix remove = Fix.of("Drop it", new FixAction.RemoveLine(1));

        Card recoded = renderer.render(finding(Severity.ERROR, recode), procedures);
        Card removed = renderer.render(finding(Severity.ERROR, remove), procedures);

        assertThat(recoded.suggestions().get(0).actions()).extracting(a -> tree(a).path("resourceType").asText()
                + "/" + tree(a).path("id").asText() + "=" + tree(a).at("/code/coding/0/code").asText())
                .containsExactly("Procedure/proc-64642=64644", "Procedure/proc-64645=64643");
        assertThat(removed.suggestions()).isEmpty();
        assertThat(removed.detail()).contains("**Suggested fix:** Drop it");
    }

    @Test
    void aFixFromDocumentationAddsAndDeletesProcedures() {
        Fix derived = Fix.fromDocumentation("Report 64644 + 64643", List.of(new FixAction.ChangeCode(0, "64644"),
                new FixAction.RemoveLine(1), new FixAction.AddLine("64643", 2, List.of(), 0)));

        List<Action> actions = renderer.render(finding(Severity.WARNING, derived), procedures).suggestions().get(0).actions();

        assertThat(actions).extracting(Action::type).containsExactly("update", "create", "create", "delete");
        assertThat(tree(actions.get(1)).at("/code/coding/0/code").asText()).isEqualTo("64643");
        assertThat(tree(actions.get(1)).path("id").asText())
                .isNotEqualTo(tree(actions.get(2)).path("id").asText());
        assertThat(actions.get(3).resourceId().reference()).isEqualTo("Procedure/proc-64645");
    }

    @Test
    void findingsOfOneRuleOnOneOrderAreOneCardWithOneSuggestionMakingEveryEditOnce() {
        Fix fix = Fix.of("Remove 50 and count the second limb", new FixAction.RemoveModifier(1, "50"),
                new FixAction.SetUnits(1, 3));
        List<Finding> findings = List.of(finding(Severity.WARNING, fix), finding(Severity.ERROR, fix),
                finding(Severity.ERROR, fix));

        List<List<Finding>> groups = FindingGroups.group(findings);
        Card card = renderer.render(groups.get(0), orders);

        assertThat(groups).hasSize(1);
        assertThat(card.indicator()).isEqualTo("critical");
        assertThat(card.summary()).isEqualTo("Modifier 50 does not apply to 64645");
        assertThat(card.detail()).contains("3 problems of this kind", "covers them all");
        assertThat(card.detail().split("\\*\\*What:\\*\\*", -1)).hasSize(2);
        assertThat(card.suggestions()).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.label()).isEqualTo("Remove 50 and count the second limb");
            assertThat(suggestion.actions()).singleElement().extracting(Action::type).isEqualTo("update");
        });
    }

    @Test
    void findingsOfOneRuleOnDifferentOrdersStaySeparateCards() {
        List<Finding> findings = List.of(finding(Severity.ERROR, Fix.of("a", new FixAction.RemoveModifier(0, "50"))),
                finding(Severity.ERROR, Fix.of("b", new FixAction.RemoveModifier(1, "50"))),
                new Finding("CHEMO-07", Severity.ERROR, "Other rule", null, List.of(), List.of(),
                        Fix.of("c", new FixAction.RemoveModifier(1, "50")), Set.of()));

        assertThat(FindingGroups.group(findings)).hasSize(3);
    }

    @Test
    void fixesThatContradictEachOtherAreAlternativeSuggestionsUpToTheLimit() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (String code : List.of("64642", "64643", "64644", "64646", "64647")) {
            findings.add(new Finding("CHEMO-06", Severity.ERROR, "Recode to " + code, "**What:** " + code + ".",
                    List.of(MPFS), List.of(), Fix.of("Recode as " + code, new FixAction.ChangeCode(1, code)), Set.of()));
        }

        Card card = renderer.render(FindingGroups.group(findings).get(0), orders);

        assertThat(FindingGroups.group(findings)).hasSize(1);
        assertThat(card.summary()).isEqualTo("Recode to 64642 (+4 more)");
        assertThat(card.selectionBehavior()).isEqualTo("at-most-one");
        assertThat(card.suggestions()).extracting(s -> s.label())
                .containsExactly("Recode as 64642", "Recode as 64643", "Recode as 64644");
        assertThat(card.detail()).contains("cannot all be made together", "2 more descriptions not repeated",
                "**Other fixes:** Recode as 64646; Recode as 64647");
    }

    @Test
    void theNotShownCardCountsWhatWasLeftOutAndNamesTheLimits() {
        Card card = renderer.notShown(7, List.of("CHEMO-21", "CHEMO-06", "CHEMO-21"));

        assertThat(card.summary()).isEqualTo("7 more findings were not shown");
        assertThat(card.indicator()).isEqualTo("info");
        assertThat(card.detail()).contains("at most 20 cards", "cds.cards.max-cards", "1024 KB",
                "(CHEMO-06, CHEMO-21)");
    }

    @Test
    void boundsBelowTheirMinimumAreRejectedAtStartUp() {
        assertThatThrownBy(() -> new CardProperties(null, "x", 2, 3, org.springframework.util.unit.DataSize.ofMegabytes(1)))
                .hasMessageContaining("cds.cards.max-cards");
        assertThatThrownBy(() -> new CardProperties(null, "x", 20, 0, org.springframework.util.unit.DataSize.ofMegabytes(1)))
                .hasMessageContaining("cds.cards.max-suggestions");
        assertThatThrownBy(() -> new CardProperties(null, "x", 20, 3, org.springframework.util.unit.DataSize.ofKilobytes(1)))
                .hasMessageContaining("cds.cards.max-response-size");
    }

    @Test
    void summariesStayUnder140Characters() {
        assertThat(CardRenderer.shorten("x".repeat(140))).hasSize(139).endsWith("\u2026");
        assertThat(CardRenderer.shorten("short")).isEqualTo("short");
    }

    /** The suggested resource as a client reads it from the response. */
    private static JsonNode tree(Action action) {
        try {
            return JSON.readTree(JSON.writeValueAsString(action)).path("resource");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Finding finding(Severity severity, Fix fix) {
        return new Finding("CHEMO-06", severity, "Modifier 50 does not apply to 64645",
                "**What:** 64645 carries modifier 50.", List.of(MPFS), List.of("ServiceRequest.orderDetail[0]"), fix,
                Set.of("BILATERAL:64645"));
    }

    private static CardRenderer renderer(CardProperties properties) {
        return new CardRenderer(properties, new SuggestionBuilder(new FhirJson(FHIR), RulePackLoader.loadBundled()));
    }

    private static Bundle bundle(String name) throws Exception {
        try (InputStream in = CardRendererTest.class.getResourceAsStream("/cdshooks/" + name)) {
            return FHIR.newJsonParser().parseResource(Bundle.class, in);
        }
    }
}
