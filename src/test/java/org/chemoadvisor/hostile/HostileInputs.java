package org.chemoadvisor.hostile;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r4.model.Claim;

/**
 * Generates hostile requests from the project's real examples with a fixed seed, so a failure can
 * be reproduced: mutated, truncated and retyped JSON, deep nesting, huge strings, invalid UTF-8,
 * wrong content types, unknown service ids and hooks, XML to /fhir, random HTTP methods.
 */
public final class HostileInputs {

    static final String VALIDATE = "/fhir/Claim/$validate";
    private static final List<String> SERVICES = List.of("chemodenervation-order-select", "chemodenervation-order-sign",
            "chemodenervation-encounter-discharge");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/fhir+xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json; charset=EBCDIC",
            "application/json; charset=utf-16", "a/b/c", ";;;", "application/fhir+json; fhirVersion=3.0", "*/*",
            "application/octet-stream", "image/png", "application/*", "*/json");
    private static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "POST");
    private static final List<String> ODD_IDS = List.of("unknown", "x", "%2e%2e", "..%2f..%2fetc", "%00", "%C3%A9",
            "a%20b", "chemodenervation-order-sign%2Ffeedback", "CHEMODENERVATION-ORDER-SIGN", "0", "-", "%ff%fe");

    private final Random random;
    private final JsonMutations json;
    private final ByteMutations bytes;
    private final List<Examples.HookRequest> hookRequests = Examples.hookRequests();
    private final List<JsonNode> claims = Examples.claims();
    private final List<String> claimsXml;
    private final JsonNode feedback;

    public HostileInputs(long seed) {
        this.random = new Random(seed);
        this.json = new JsonMutations(random);
        this.bytes = new ByteMutations(random);
        FhirContext fhir = FhirContext.forR4Cached();
        this.claimsXml = claims.stream().map(c -> fhir.newXmlParser().encodeResourceToString(
                fhir.newJsonParser().parseResource(Claim.class, Examples.text(c)))).toList();
        this.feedback = Examples.read(java.nio.file.Path.of("src/test/resources/feedback/overridden.json"));
    }

    public List<HostileInput> generate(int count) {
        List<HostileInput> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(next());
        }
        return inputs;
    }

    private HostileInput next() {
        int target = random.nextInt(100);
        if (target < 4) {
            return randomMethod();
        }
        if (target < 8) {
            return unknownServiceId();
        }
        if (target < 12) {
            return discovery();
        }
        if (target < 38) {
            return claim();
        }
        if (target < 48) {
            String service = pick(SERVICES);
            return json("POST", "/cds-services/" + service + "/feedback", feedback, "application/json");
        }
        Examples.HookRequest example = pick(hookRequests);
        // Mostly to the service the example belongs to; sometimes to another one.
        String service = random.nextInt(10) == 0 ? pick(SERVICES) : example.service();
        return json("POST", "/cds-services/" + service, example.request(), "application/json");
    }

    private HostileInput claim() {
        // Structural validation (HAPI's instance validator) costs most of a $validate: one in four runs it.
        String path = random.nextInt(4) == 0 ? VALIDATE : VALIDATE + "?structural=false";
        if (random.nextInt(8) == 0) {
            String xml = pick(claimsXml);
            byte[] body = random.nextBoolean() ? xml.getBytes(StandardCharsets.UTF_8) : bytes.truncate(xml);
            return new HostileInput("POST", path, "application/fhir+xml", body, "xml");
        }
        return json("POST", path, pick(claims), "application/fhir+json");
    }

    private HostileInput json(String method, String path, JsonNode base, String contentType) {
        String text = Examples.text(base);
        int strategy = random.nextInt(100);
        if (strategy < 15) {
            return input(method, path, contentType, bytes.noise(utf8(text)), "byte-noise");
        } else if (strategy < 27) {
            return input(method, path, contentType, bytes.charNoise(text), "char-noise");
        } else if (strategy < 42) {
            return input(method, path, contentType, bytes.truncate(text), "truncated");
        } else if (strategy < 60) {
            return input(method, path, contentType, utf8(json.typeSwap(base)), "type-swap");
        } else if (strategy < 72) {
            return input(method, path, contentType, utf8(json.deleteField(base)), "deleted-field");
        } else if (strategy < 78) {
            return input(method, path, contentType, utf8(json.wrongResourceType(base)), "wrong-resource-type");
        } else if (strategy < 82) {
            return input(method, path, contentType, utf8(json.unknownHook(base)), "unknown-hook");
        } else if (strategy < 86) {
            String deep = random.nextBoolean() ? RawJson.nestedArrays(10_000) : RawJson.nestedObjects(10_000);
            return input(method, path, contentType, utf8(json.withRawValue(base, deep)), "deep-nesting");
        } else if (strategy < 88) {
            return input(method, path, contentType, utf8(json.withRawValue(base, RawJson.longString(1_200_000))),
                    "huge-string");
        } else if (strategy < 94) {
            return input(method, path, contentType, bytes.invalidUtf8(utf8(text)), "invalid-utf8");
        } else if (strategy < 98) {
            return input(method, path, pick(CONTENT_TYPES), utf8(text), "wrong-content-type");
        }
        return input(method, path, contentType, utf8(text), "unchanged");
    }

    private HostileInput randomMethod() {
        List<String> paths = new ArrayList<>(List.of("/cds-services", VALIDATE, "/cds-services/" + pick(SERVICES),
                "/cds-services/" + pick(SERVICES) + "/feedback"));
        String method = pick(METHODS);
        byte[] body = random.nextBoolean() ? null : utf8(Examples.text(pick(hookRequests).request()));
        return new HostileInput(method, pick(paths), body == null ? null : "application/json", body, "method-" + method);
    }

    private HostileInput discovery() {
        String query = random.nextBoolean() ? "" : "?" + pick(ODD_IDS) + "=" + pick(ODD_IDS);
        if (random.nextBoolean()) {
            return new HostileInput("GET", "/cds-services" + query, null, null, "discovery");
        }
        return json(random.nextBoolean() ? "GET" : "POST", "/cds-services" + query, pick(hookRequests).request(),
                "application/json");
    }

    private HostileInput unknownServiceId() {
        String id = random.nextBoolean() ? pick(ODD_IDS) : "svc-" + Long.toHexString(random.nextLong());
        String path = "/cds-services/" + id + (random.nextBoolean() ? "/feedback" : "");
        JsonNode body = random.nextBoolean() ? pick(hookRequests).request() : feedback;
        return new HostileInput("POST", path, "application/json", utf8(Examples.text(body)), "unknown-service");
    }

    private static HostileInput input(String method, String path, String contentType, byte[] body, String kind) {
        return new HostileInput(method, path, contentType, body, kind);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
