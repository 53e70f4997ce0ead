package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;
import org.junit.jupiter.api.Test;

/** cds.limits.* on the request JSON: what is counted, and how the 400 names it. */
class RequestLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestLimits LIMITS = new RequestLimits(new CdsRequestProperties.Limits(5, 3));
    private static final CdsServiceDefinition SIGN = service("order-sign");
    private static final CdsServiceDefinition SELECT = service("order-select");
    private static final CdsServiceDefinition DISCHARGE = service("encounter-discharge");

    @Test
    void repetitionsAtTheLimitPass() {
        ObjectNode context = context(bundle(5, 3));

        assertThatCode(() -> LIMITS.check(Hook.ORDER_SIGN, SIGN, request(context, Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void aContainedResourceIsNamedByItsOwnType() {
        ObjectNode context = context(bundle(1, 0));
        ArrayNode codings = ((ObjectNode) context.at("/draftOrders/entry/0/resource")).putArray("contained").addObject()
                .put("resourceType", "Medication").putObject("code").putArray("coding");
        for (int i = 0; i < 4; i++) {
            codings.addObject().put("code", "J0585");
        }

        assertThatThrownBy(() -> LIMITS.check(Hook.ORDER_SIGN, SIGN, request(context, Map.of())))
                .isInstanceOf(CdsHooksException.class)
                .hasMessage("context.draftOrders: Medication.code.coding has 4 entries; at most 3 are accepted"
                        + " (cds.limits.max-repetitions)");
    }

    @Test
    void selectionsCountAsResources() {
        ObjectNode context = context(bundle(1, 0));
        ArrayNode selections = context.putArray("selections");
        for (int i = 0; i < 6; i++) {
            selections.add("ServiceRequest/sr-" + i);
        }

        assertThatThrownBy(() -> LIMITS.check(Hook.ORDER_SELECT, SELECT, request(context, Map.of())))
                .hasMessage("context.selections has 6 entries; at most 5 are accepted (cds.limits.max-resources)");
    }

    @Test
    void prefetchedProceduresAreCountedButPrefetchTheServiceDoesNotReadIsNot() {
        JsonNode procedures = bundle(6, 0);
        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient");
        ArrayNode names = patient.putArray("name");
        for (int i = 0; i < 10; i++) {
            names.addObject().put("text", "n" + i);
        }
        ObjectNode context = JSON.createObjectNode().put("patientId", "p").put("encounterId", "e");

        assertThatCode(() -> LIMITS.check(Hook.ENCOUNTER_DISCHARGE, DISCHARGE, request(context, Map.of("patient", patient))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> LIMITS.check(Hook.ENCOUNTER_DISCHARGE, DISCHARGE,
                request(context, Map.of("procedures", procedures))))
                .hasMessage("prefetch.procedures: Bundle.entry has 6 entries; at most 5 are accepted"
                        + " (cds.limits.max-resources)");
    }

    @Test
    void prefetchedHistoryIsCountedLikeTheOtherKeys() {
        ObjectNode context = context(bundle(1, 0));

        assertThatThrownBy(() -> LIMITS.check(Hook.ORDER_SIGN, SIGN, request(context, Map.of("history", bundle(6, 0)))))
                .hasMessage("prefetch.history: Bundle.entry has 6 entries; at most 5 are accepted"
                        + " (cds.limits.max-resources)");
    }

    @Test
    void aHostileResourceTypeIsNotEchoed() {
        ObjectNode context = context(bundle(1, 4));
        ((ObjectNode) context.at("/draftOrders/entry/0/resource")).put("resourceType", "Service\nRequest " + "x".repeat(500));

        assertThatThrownBy(() -> LIMITS.check(Hook.ORDER_SIGN, SIGN, request(context, Map.of())))
                .satisfies(e -> assertThat(((CdsHooksException) e).error()).isEqualTo("too_many_repetitions"))
                .hasMessage("context.draftOrders: (resource).orderDetail has 4 entries; at most 3 are accepted"
                        + " (cds.limits.max-repetitions)");
    }

    @Test
    void limitsBelowOneAreRejectedAtStartUp() {
        assertThatThrownBy(() -> new CdsRequestProperties.Limits(0, 50)).hasMessageContaining("cds.limits.max-resources");
        assertThatThrownBy(() -> new CdsRequestProperties.Limits(100, 0)).hasMessageContaining("cds.limits.max-repetitions");
    }

    /** A Bundle of {@code orders} ServiceRequests, each with {@code details} orderDetail entries. */
    private static ObjectNode bundle(int orders, int details) {
        ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (int i = 0; i < orders; i++) {
            ObjectNode order = entries.addObject().putObject("resource").put("resourceType", "ServiceRequest")
                    .put("id", "sr-" + i);
            ArrayNode detail = order.putArray("orderDetail");
            for (int d = 0; d < details; d++) {
                detail.addObject().put("text", "d" + d);
            }
        }
        return bundle;
    }

    private static ObjectNode context(JsonNode draftOrders) {
        ObjectNode context = JSON.createObjectNode().put("patientId", "p");
        context.set("draftOrders", draftOrders);
        return context;
    }

    private static CdsRequest request(JsonNode context, Map<String, JsonNode> prefetch) {
        return new CdsRequest("h", "i", null, null, context, new LinkedHashMap<>(prefetch));
    }

    private static CdsServiceDefinition service(String hook) {
        return new CdsServiceDefinition(hook, hook, hook, hook, Map.of("patient", "Patient/{{context.patientId}}",
                "procedures", "Procedure?x", "conditions", "Condition?x", "coverage", "Coverage?x",
                "history", "Procedure?y"), null);
    }
}
