package org.chemoadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.chemoadvisor.cdshooks.adapt.FactsAssembler;
import org.chemoadvisor.cdshooks.adapt.ProcedureLines;
import org.chemoadvisor.cdshooks.adapt.ServiceRequestLines;
import org.chemoadvisor.claim.ClaimFactsAdapter;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.policy.PolicyProfileResolver;
import org.chemoadvisor.policy.PolicyProperties;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleCatalog;
import org.chemoadvisor.rules.RuleEngine;
import org.chemoadvisor.rules.derive.DerivedCodes;
import org.chemoadvisor.rules.derive.MuscleCodeDerivation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivation cases of RULES.md ("Deriving codes from documentation") through each entry point:
 * the muscles are written as FHIR bodySite text, one chemodenervation Procedure or order per case
 * billed as 64642, and must yield the same derived codes whether they arrive in a Claim's contained
 * Procedure, an encounter's Procedure or a draft ServiceRequest.
 */
class DocumentedMusclesEntryPointsTest {

    private static final String CPT = "http://www.ama-assn.org/go/cpt";
    private static final List<String> RIGHT_ARM_6 = List.of("Right biceps brachii", "Right brachialis",
            "Right brachioradialis", "Right pronator teres", "Right flexor carpi radialis", "Right flexor carpi ulnaris");
    private static final List<String> LEFT_ARM_5 = List.of("Left biceps brachii", "Left brachialis",
            "Left brachioradialis", "Left pronator teres", "Left flexor carpi radialis");
    private static final List<String> RIGHT_LEG_5 = List.of("Right gastrocnemius", "Right soleus",
            "Right tibialis posterior", "Right flexor digitorum longus", "Right flexor hallucis longus");
    private static final List<String> LEFT_LEG_5 = List.of("Left gastrocnemius", "Left soleus",
            "Left tibialis posterior", "Left flexor digitorum longus", "Left flexor hallucis longus");

    private static final RulePack PACK = RulePackLoader.loadBundled();
    private static final FactsAssembler ASSEMBLER = new FactsAssembler(PACK,
            new PolicyProfileResolver(new PolicyProperties("medicare", Map.of())));
    private static final Map<String, Function<List<String>, CodingFacts>> ENTRY_POINTS = Map.of(
            "Claim/$validate", DocumentedMusclesEntryPointsTest::throughClaim,
            "encounter-discharge", DocumentedMusclesEntryPointsTest::throughProcedure,
            "order-sign", DocumentedMusclesEntryPointsTest::throughOrder);

    record Case(String name, List<String> sites, String derived, List<String> unplaced) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("two arms with 6 and 3 muscles", concat(RIGHT_ARM_6, LEFT_ARM_5.subList(0, 3)),
                        "64644 + 64643", List.of()),
                new Case("four limbs with 5+ each", concat(RIGHT_ARM_6, LEFT_ARM_5, RIGHT_LEG_5, LEFT_LEG_5),
                        "64644 + 64645 x 3", List.of()),
                new Case("5 listed, two the same muscle", concat(RIGHT_ARM_6.subList(0, 4), List.of("right biceps brachii muscle")),
                        "64642", List.of()),
                new Case("hand muscles count with the arm", concat(RIGHT_ARM_6.subList(0, 3),
                        List.of("Right adductor pollicis", "Right first dorsal interosseous")), "64644", List.of()),
                new Case("a trunk muscle is never counted in a limb", concat(RIGHT_ARM_6.subList(0, 4),
                        List.of("Right erector spinae")), "64642 + 64646", List.of()),
                new Case("an unknown muscle is reported, not counted", concat(RIGHT_ARM_6.subList(0, 4),
                        List.of("Right musculus ignotus")), "64642", List.of("Right musculus ignotus")));
        return cases.stream().flatMap(c -> ENTRY_POINTS.keySet().stream().sorted().map(e -> Arguments.of(e, c)));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void documentedMusclesDeriveTheSameCodesThroughEveryEntryPoint(String entryPoint, Case c) {
        CodingFacts facts = ENTRY_POINTS.get(entryPoint).apply(c.sites());

        DerivedCodes derived = new MuscleCodeDerivation(PACK.codeSets()).derive(facts.documentedMuscles());

        assertThat(derived.describe()).isEqualTo(c.derived());
        assertThat(derived.unplaced()).extracting(DocumentedMuscle::name).containsExactlyElementsOf(c.unplaced());
        List<Finding> findings = new RuleEngine(RuleCatalog.inPrecedenceOrder(), PACK).evaluate(facts);
        List<Finding> chemo05 = findings.stream().filter(f -> f.ruleId().equals("CHEMO-05")).toList();
        if (!c.derived().equals("64642")) {
            assertThat(chemo05).anySatisfy(f -> assertThat(f.fix().label()).contains("Report " + c.derived()));
        }
        assertThat(findings.stream().anyMatch(f -> f.ruleId().equals("CHEMO-08") && f.summary().contains("not counted")))
                .isEqualTo(!c.unplaced().isEmpty());
    }

    private static List<CodeableConcept> sites(List<String> texts) {
        return texts.stream().map(t -> new CodeableConcept().setText(t)).toList();
    }

    private static CodeableConcept cpt(String code) {
        return new CodeableConcept().addCoding(new Coding(CPT, code, null));
    }

    private static CodingFacts throughClaim(List<String> texts) {
        Claim claim = new Claim();
        Procedure procedure = new Procedure();
        procedure.setId("injected");
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED).setCode(cpt("64642")).setBodySite(sites(texts));
        claim.addContained(procedure);
        claim.addProcedure().setSequence(1).setProcedure(new Reference("#injected"));
        claim.addItem().setSequence(1).setProductOrService(cpt("64642")).setServiced(new DateType("2024-09-10"));
        return new ClaimFactsAdapter(PACK).adapt(claim, PolicyProfile.MEDICARE).facts();
    }

    private static CodingFacts throughProcedure(List<String> texts) {
        Procedure procedure = new Procedure();
        procedure.setId("Procedure/injected");
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED).setCode(cpt("64642")).setBodySite(sites(texts));
        procedure.setPerformed(new DateTimeType("2024-09-10"));
        return ASSEMBLER.facts(ProcedureLines.from(List.<Resource>of(procedure)), List.of(), List.of());
    }

    private static CodingFacts throughOrder(List<String> texts) {
        ServiceRequest order = new ServiceRequest();
        order.setId("ServiceRequest/planned");
        order.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT).setIntent(ServiceRequest.ServiceRequestIntent.ORDER)
                .setCode(cpt("64642")).setBodySite(sites(texts));
        order.setOccurrence(new DateTimeType("2024-09-10"));
        Bundle draftOrders = new Bundle().setType(Bundle.BundleType.COLLECTION);
        draftOrders.addEntry().setResource(order);
        return ASSEMBLER.facts(ServiceRequestLines.from(draftOrders), List.of(), List.of());
    }
}
