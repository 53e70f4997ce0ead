package org.chemoadvisor.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.chemoadvisor.cdshooks.Examples.Example;
import org.chemoadvisor.feedback.IssuedCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;

/**
 * A hook call answered by {@link CdsServiceCallFilter} gets the answer Spring MVC gives the same call: each
 * contract example and each kind of unreadable or refused body is sent twice, once as a plain JSON call (the
 * filter's) and once with an {@code Accept} that only MVC negotiates, and the two answers must be equal but
 * for the random card and suggestion ids.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CdsServiceCallFilterTest {

    private static final String ORDER_SIGN = "chemodenervation-order-sign";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Acceptable to MVC, which answers application/json to it; the filter leaves a quality parameter to MVC. */
    private static final String MVC_ONLY_ACCEPT = "application/json;q=0.9";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    IssuedCards issuedCards;

    static Stream<Example> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleGetsTheAnswerMvcGives(Example example) throws Exception {
        String body = example.request().toString();

        MvcResult filtered = mvc.perform(call(example.service(), body)).andReturn();
        MvcResult dispatched = mvc.perform(call(example.service(), body).header("Accept", MVC_ONLY_ACCEPT)).andReturn();

        assertAnsweredByTheFilter(filtered);
        assertAnsweredByMvc(dispatched);
        assertSameAnswer(filtered, dispatched);
    }

    static Stream<Arguments> badBodies() {
        String deep = "[".repeat(250) + "]".repeat(250);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"hook\": \"order-sign\", \"context\": {"),
                Arguments.of("empty body", ""),
                Arguments.of("JSON null", "null"),
                Arguments.of("a JSON array", "[]"),
                Arguments.of("member named twice", "{\"hook\": \"order-sign\", \"hook\": \"order-select\"}"),
                Arguments.of("nested past the limit", "{\"hook\": \"order-sign\", \"context\": " + deep + "}"),
                Arguments.of("context of the wrong shape", "{\"hook\": \"order-sign\", \"hookInstance\": 5, \"context\": []}"),
                Arguments.of("a call the service refuses", Examples.named("order-sign/01-addon-without-primary")
                        .request().toString().replace("\"hook\"", "\"hoook\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyGetsTheErrorMvcGives(String name, String body) throws Exception {
        MvcResult filtered = mvc.perform(call(ORDER_SIGN, body)).andReturn();
        MvcResult dispatched = mvc.perform(call(ORDER_SIGN, body).header("Accept", MVC_ONLY_ACCEPT)).andReturn();

        assertAnsweredByTheFilter(filtered);
        assertThat(filtered.getResponse().getStatus()).isBetween(400, 499);
        assertSameAnswer(filtered, dispatched);
    }

    @Test
    void aCorruptGzipBodyGetsTheRefusalMvcGives() throws Exception {
        byte[] gzip = gzip(Examples.named("order-sign/01-addon-without-primary").request().toString());
        byte[] corrupt = java.util.Arrays.copyOf(gzip, gzip.length / 2);

        MvcResult filtered = mvc.perform(call(ORDER_SIGN, corrupt).header("Content-Encoding", "gzip")).andReturn();
        MvcResult dispatched = mvc.perform(call(ORDER_SIGN, corrupt).header("Content-Encoding", "gzip")
                .header("Accept", MVC_ONLY_ACCEPT)).andReturn();

        assertThat(filtered.getResponse().getStatus()).isEqualTo(400);
        assertSameAnswer(filtered, dispatched);
    }

    @Test
    void aGzipBodyIsReadThroughTheBodyPolicy() throws Exception {
        byte[] gzip = gzip(Examples.named("order-sign/01-addon-without-primary").request().toString());

        MvcResult filtered = mvc.perform(call(ORDER_SIGN, gzip).header("Content-Encoding", "gzip")).andReturn();

        assertAnsweredByTheFilter(filtered);
        assertThat(filtered.getResponse().getStatus()).isEqualTo(200);
        assertThat(filtered.getResponse().getContentAsString()).contains("\"cards\"");
    }

    @Test
    void callsTheFilterDoesNotServePassOnToMvc() throws Exception {
        String body = Examples.named("order-sign/01-addon-without-primary").request().toString();

        MvcResult unknown = mvc.perform(call("no-such-service", body)).andReturn();
        MvcResult text = mvc.perform(MockMvcRequestBuilders.post("/cds-services/" + ORDER_SIGN)
                .contentType(MediaType.TEXT_PLAIN).content(body)).andReturn();
        MvcResult html = mvc.perform(call(ORDER_SIGN, body).header("Accept", "text/html")).andReturn();
        MvcResult latin1 = mvc.perform(MockMvcRequestBuilders.post("/cds-services/" + ORDER_SIGN)
                .contentType("application/json;charset=ISO-8859-1").content(body)).andReturn();

        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(text.getResponse().getStatus()).isEqualTo(415);
        assertThat(html.getResponse().getStatus()).isEqualTo(406);
        assertAnsweredByMvc(latin1);
        assertThat(latin1.getResponse().getStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=UTF-8", "application/json;charset=utf-8",
        "application/fhir+json"})
    void jsonInUtf8IsReadByTheFilter(String contentType) {
        assertThat(CdsServiceCallFilter.readsAsJson(contentType)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/*", "application/json;charset=ISO-8859-1", "application/xml",
        "not a media type", "application/jsonx"})
    void otherMediaTypesAreLeftToMvc(String contentType) {
        assertThat(CdsServiceCallFilter.readsAsJson(contentType)).isFalse();
        assertThat(CdsServiceCallFilter.readsAsJson(null)).isFalse();
    }

    @Test
    void onlyPlainJsonAcceptsAreAnsweredByTheFilter() {
        assertThat(CdsServiceCallFilter.answersJson(Collections.emptyEnumeration())).isTrue();
        assertThat(CdsServiceCallFilter.answersJson(accept("application/json"))).isTrue();
        assertThat(CdsServiceCallFilter.answersJson(accept("*/*"))).isTrue();
        assertThat(CdsServiceCallFilter.answersJson(accept("application/json, application/*, */*"))).isTrue();
        assertThat(CdsServiceCallFilter.answersJson(accept("application/json;q=0.5"))).isFalse();
        assertThat(CdsServiceCallFilter.answersJson(accept("text/html, */*"))).isFalse();
        assertThat(CdsServiceCallFilter.answersJson(accept("application/fhir+json"))).isFalse();
        assertThat(CdsServiceCallFilter.answersJson(accept("application/json", "*/*"))).isFalse();
    }

    private static java.util.Enumeration<String> accept(String... headers) {
        return Collections.enumeration(List.of(headers));
    }

    private static MockHttpServletRequestBuilder call(String serviceId, String body) {
        return call(serviceId, body.getBytes(StandardCharsets.UTF_8));
    }

    private static MockHttpServletRequestBuilder call(String serviceId, byte[] body) {
        return MockMvcRequestBuilders.post("/cds-services/" + serviceId).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static void assertAnsweredByTheFilter(MvcResult result) {
        assertThat(result.getHandler()).as("no MVC handler ran").isNull();
    }

    private static void assertAnsweredByMvc(MvcResult result) {
        assertThat(result.getHandler()).isInstanceOf(HandlerMethod.class);
    }

    private static void assertSameAnswer(MvcResult filtered, MvcResult dispatched) throws Exception {
        assertThat(filtered.getResponse().getStatus()).isEqualTo(dispatched.getResponse().getStatus());
        assertThat(MediaType.parseMediaType(filtered.getResponse().getContentType()))
                .isEqualTo(MediaType.parseMediaType(dispatched.getResponse().getContentType()));
        assertThat(withoutIds(filtered)).isEqualTo(withoutIds(dispatched)).isNotBlank();
    }

    private static String withoutIds(MvcResult result) throws Exception {
        return UUID.matcher(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).replaceAll("<uuid>");
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
