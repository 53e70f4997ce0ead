package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;

/** Reads the example Claims (fhir-resources/examples) and the bad-input ones (test resources). */
final class TestClaims {

    static final Path EXAMPLES = Path.of("fhir-resources", "examples");
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private TestClaims() {
    }

    static String example(String file) {
        try {
            return Files.readString(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under src/test/resources/claim. */
    static String testResource(String file) {
        try (InputStream in = TestClaims.class.getResourceAsStream("/claim/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource claim/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Claim parse(String json) {
        return FHIR.newJsonParser().parseResource(Claim.class, json);
    }

    /** An example as sent: a Claim, or a collection Bundle holding one. */
    static IBaseResource parseAny(String json) {
        return FHIR.newJsonParser().parseResource(json);
    }
}
