package org.chemoadvisor.cdshooks.data;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A suggested resource is the JSON the EHR sent with HAPI's encoding of what the edit changed: it means
 * what HAPI's encoding of the whole edited resource means, and keeps the rest as it was sent.
 */
class EditedResourceJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final Path SENT = Path.of("src/test/resources/cdshooks/draft-orders-as-an-ehr-sends-them.json");
    private static final String MODIFIERS = "http://www.ama-assn.org/go/cpt-modifier";

    private final FhirJson fhirJson = new FhirJson(FHIR);

    /** Edits of the kinds suggestions make, each on a copy of the order. */
    private static final List<Consumer<ServiceRequest>> EDITS = List.of(
            order -> order.getCode().getCodingFirstRep().setCode("64644").setDisplay(null),
            order -> order.setQuantity(new Quantity().setValue(BigDecimal.valueOf(2))),
            order -> order.addOrderDetail().addCoding().setSystem(MODIFIERS).setCode("59"),
            order -> order.getOrderDetail().clear(),
            order -> order.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE),
            order -> {
                order.setIdElement(new IdType("ServiceRequest", UUID.randomUUID().toString()));
                order.getIdentifier().clear();
                order.setCode(new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "64643", null)));
            });

    @Test
    void anUpdateIsTheSentJsonChangedOnlyWhereTheEditChangedIt() throws IOException {
        ServiceRequest sent = sentOrder();
        ServiceRequest edited = sent.copy();
        edited.getCode().getCodingFirstRep().setCode("64644").setDisplay(null);
        edited.getCode().setText(null);
        edited.setQuantity(new Quantity().setValue(BigDecimal.ONE));
        edited.getOrderDetail().remove(0);

        ObjectNode update = suggested(edited, sent);

        JsonNode sentJson = JSON.readTree(SENT.toFile())
                .at("/entry/0/resource");
        assertThat(fieldNames(update)).containsExactly("resourceType", "id", "meta", "extension", "code", "status",
                "_status", "intent", "quantityQuantity", "orderDetail", "subject", "occurrenceDateTime", "reasonCode", "note");
        for (String unchanged : List.of("id", "meta", "extension", "status", "_status", "intent", "subject",
                "occurrenceDateTime", "reasonCode", "note")) {
            assertThat(update.get(unchanged)).as(unchanged).isEqualTo(sentJson.get(unchanged));
        }
        assertThat(update.get("code").toString())
                .isEqualTo("{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"64644\"}]}");
        assertThat(update.get("quantityQuantity").toString()).isEqualTo("{\"value\":1}");
        assertThat(update.get("orderDetail").toString()).isEqualTo("[{\"text\":\"Use EMG guidance\"}]");
        assertThat(reparsed(update).equalsDeep(hapiWhole(edited))).isTrue();
    }

    @Test
    void aChangedPrimitiveKeepsItsExtensionsInPlace() throws IOException {
        ServiceRequest sent = sentOrder();
        ServiceRequest edited = sent.copy();
        edited.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        edited.setQuantity(new Quantity().setValue(BigDecimal.valueOf(3)));

        ObjectNode update = suggested(edited, sent);

        assertThat(fieldNames(update)).containsSubsequence("code", "status", "_status", "intent", "quantityQuantity");
        assertThat(update.get("status").asText()).isEqualTo("active");
        assertThat(update.at("/_status/extension/0/valueCode").asText()).isEqualTo("cpoe");
        assertThat(update.get("quantityQuantity").toString()).isEqualTo("{\"value\":3}");
        assertThat(reparsed(update).equalsDeep(hapiWhole(edited))).isTrue();
    }

    @Test
    void anEditThatEmptiesAnElementLeavesItOut() throws IOException {
        ServiceRequest sent = sentOrder();
        ServiceRequest edited = sent.copy();
        edited.getOrderDetail().clear();

        ObjectNode update = suggested(edited, sent);

        assertThat(update.has("orderDetail")).isFalse();
        assertThat(update.get("quantityRange")).isNotNull();
        assertThat(reparsed(update).equalsDeep(hapiWhole(edited))).isTrue();
    }

    @Test
    void aNewOrderModelledOnASentOneHasItsOwnIdAndCode() throws IOException {
        ServiceRequest model = sentOrder();
        ServiceRequest created = model.copy();
        String id = UUID.randomUUID().toString();
        created.setIdElement(new IdType("ServiceRequest", id));
        created.setCode(new CodeableConcept().addCoding(new Coding("http://www.ama-assn.org/go/cpt", "64643", null)));

        ObjectNode json = suggested(created, model);

        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.at("/code/coding/0/code").asText()).isEqualTo("64643");
        assertThat(json.at("/note/0/text").asText()).isEqualTo("Café, 45 units to the biceps \u2013 see plan");
        assertThat(reparsed(json).equalsDeep(hapiWhole(created))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleOrders")
    void everyExampleOrderEditedMeansWhatHapisWholeEncodingMeans(String example) throws IOException {
        Bundle orders = (Bundle) fhirJson.parse(JSON.readTree(Path.of(example).toFile()).at("/context/draftOrders"), "draftOrders");
        int checked = 0;
        for (Bundle.BundleEntryComponent entry : orders.getEntry()) {
            if (!(entry.getResource() instanceof ServiceRequest sent)) {
                continue;
            }
            assertThat(EditedResourceJson.sent(sent)).as("the sent JSON is remembered").isNotNull();
            for (Consumer<ServiceRequest> edit : EDITS) {
                ServiceRequest edited = sent.copy();
                edit.accept(edited);
                JsonNode json = JSON.readTree(fhirJson.toJson(edited, sent).json());
                assertThat(reparsed(json).equalsDeep(hapiWhole(edited))).as(json.toString()).isTrue();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    static Stream<String> exampleOrders() throws IOException {
        List<String> examples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("cds-hooks"))) {
            files.filter(p -> p.toString().endsWith(".request.json")).sorted().forEach(p -> {
                try {
                    if (JSON.readTree(p.toFile()).at("/context/draftOrders/entry").toString().contains("\"ServiceRequest\"")) {
                        examples.add(p.toString());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return examples.stream();
    }

    @Test
    void aResourceNotReadFromTheRequestIsEncodedWholeByHapi() {
        ServiceRequest model = new ServiceRequest();
        model.setId("sr-9");
        model.getCode().addCoding().setSystem("http://www.ama-assn.org/go/cpt").setCode("64642");
        ServiceRequest edited = model.copy();
        edited.getCode().getCodingFirstRep().setCode("64644");

        assertThat(fhirJson.toJson(edited, model).json()).isEqualTo(FHIR.newJsonParser().encodeResourceToString(edited));
    }

    @Test
    void aLoneSurrogateTheRequestCarriedIsEscaped() throws IOException {
        ServiceRequest sent = (ServiceRequest) fhirJson.parse(JSON.readTree(
                "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-1\",\"note\":[{\"text\":\"Botox \\uD800 order\"}],"
                        + "\"code\":{\"coding\":[{\"system\":\"http://www.ama-assn.org/go/cpt\",\"code\":\"64642\"}]}}"), "x");
        ServiceRequest edited = sent.copy();
        edited.getCode().getCodingFirstRep().setCode("64644");

        String json = fhirJson.toJson(edited, sent).json();

        assertThat(json).containsIgnoringCase("\\uD800");
        assertThat(JSON.readTree(json).at("/note/0/text").asText()).isEqualTo("Botox \uD800 order");
    }

    /** The first order of the fixture, parsed as a hook call's draftOrders are. */
    private ServiceRequest sentOrder() throws IOException {
        Bundle orders = (Bundle) fhirJson.parse(JSON.readTree(SENT.toFile()), "draftOrders");
        return (ServiceRequest) orders.getEntryFirstRep().getResource();
    }

    /** What a suggestion carries for {@code edited}, a changed copy of {@code sent}. */
    private ObjectNode suggested(ServiceRequest edited, ServiceRequest sent) throws IOException {
        return (ObjectNode) JSON.readTree(fhirJson.toJson(edited, sent).json());
    }

    private static ServiceRequest reparsed(JsonNode json) {
        return FHIR.newJsonParser().parseResource(ServiceRequest.class, json.toString());
    }

    private static ServiceRequest hapiWhole(ServiceRequest edited) {
        IParser parser = FHIR.newJsonParser();
        return parser.parseResource(ServiceRequest.class, parser.encodeResourceToString(edited));
    }

    private static List<String> fieldNames(ObjectNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
