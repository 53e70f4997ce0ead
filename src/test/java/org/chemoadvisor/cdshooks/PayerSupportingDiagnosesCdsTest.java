package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.cdshooks.CdsCalls.Answer;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * CHEMO-31 on order-sign judges the diagnoses by the supporting-diagnosis ValueSet of the payer in
 * the prefetched Coverage: Acme Health Plan's own set (test/resources/valuesets, R25.2 but not
 * G35), the bundled set for other payers (G35 but not R25.2).
 */
@SpringBootTest(properties = PayerSupportingDiagnosesCdsTest.ACME_SETTING)
@AutoConfigureMockMvc
class PayerSupportingDiagnosesCdsTest {

    static final String ACME_SETTING = "chemo.policy.supporting-diagnoses.payers[Acme\\ Health\\ Plan]="
            + "classpath:valuesets/acme-supporting-diagnoses.json";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    @ParameterizedTest(name = "{0} with {1}: CHEMO-31 {2}")
    @CsvSource({
        "Acme Health Plan, R25.2, false",
        "Acme Health Plan, G35, true",
        "Medicare Part B, G35, false",
        "Medicare Part B, R25.2, true"})
    void coveragePayerChoosesTheSupportingDiagnosisSet(String payer, String diagnosis, boolean chemo31)
            throws Exception {
        JsonNode request = Examples.named("order-sign/20-no-supporting-diagnosis").request().deepCopy();
        replaceCode(request, diagnosis);
        ((ObjectNode) request.at("/prefetch/coverage/entry/0/resource/payor/0")).put("display", payer);
        ((ObjectNode) request.at("/prefetch/coverage/entry/0/resource/payor/0/identifier")).put("value", payer);

        Answer answer = CdsCalls.post(mvc, "chemodenervation-order-sign", request);

        assertThat(answer.status()).isEqualTo(200);
        List<String> rules = new ArrayList<>();
        answer.body().path("cards").forEach(card -> rules.add(card.path("source").path("topic").path("code").asText()));
        if (chemo31) {
            assertThat(rules).containsExactly("CHEMO-31");
        } else {
            assertThat(rules).isEmpty();
        }
    }

    /** Every ICD-10-CM coding of the request (reasonCode, Condition.code) gets the diagnosis. */
    private static void replaceCode(JsonNode node, String diagnosis) {
        if (node.isObject()) {
            if ("http://hl7.org/fhir/sid/icd-10-cm".equals(node.path("system").asText())) {
                ((ObjectNode) node).put("code", diagnosis).remove("display");
            }
            node.forEach(child -> replaceCode(child, diagnosis));
        } else if (node.isArray()) {
            node.forEach(child -> replaceCode(child, diagnosis));
        }
    }
}
