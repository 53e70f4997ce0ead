package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.bulk.generate.ClaimGenerator;
import org.chemoadvisor.claim.ClaimProcedureMuscles;
import org.chemoadvisor.rulepack.load.RulePackLoader;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Procedure, Coverage or Patient line built without HAPI's parser is the resource HAPI parses from
 * it: the same encoding, id and performed date, for every generated line and the example export's;
 * a line of another shape is left to HAPI.
 */
class SupportingResourceReaderTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void everyGeneratedAndExampleLineIsBuiltAsHapiParsesIt(@TempDir Path dir) throws IOException {
        new ClaimGenerator(RulePackLoader.loadBundled().muscles(), 17, 0.35).write(dir, 1500, false);
        List<String> lines = new ArrayList<>();
        for (String file : List.of("Procedure.ndjson", "Coverage.ndjson", "Patient.ndjson")) {
            lines.addAll(Files.readAllLines(dir.resolve(file)));
        }
        int generated = lines.size();
        for (String file : List.of("Procedure.ndjson", "Coverage.ndjson", "Patient.ndjson")) {
            lines.addAll(Files.readAllLines(ClaimReviewCommandTest.EXPORT.resolve(file)));
        }
        IParser parser = FHIR.newJsonParser();
        int built = 0;

        for (String line : lines) {
            // The review reads the line's bytes: they build what the text builds.
            Resource read = SupportingResourceReader.read(line.getBytes(StandardCharsets.UTF_8));
            Resource fromText = SupportingResourceReader.read(line);
            assertThat(read == null).as(line).isEqualTo(fromText == null);
            if (read == null) {
                continue;
            }
            assertThat(read.equalsDeep(fromText)).as(line).isTrue();
            Resource parsed = (Resource) parser.parseResource(line);
            assertThat(parser.encodeResourceToString(read)).as(line).isEqualTo(parser.encodeResourceToString(parsed));
            assertThat(read.fhirType()).isEqualTo(parsed.fhirType());
            assertThat(read.getIdElement().getIdPart()).isEqualTo(parsed.getIdElement().getIdPart());
            if (read instanceof Procedure procedure) {
                assertThat(ClaimProcedureMuscles.performedOn(procedure))
                        .isEqualTo(ClaimProcedureMuscles.performedOn((Procedure) parsed));
            }
            built++;
        }
        assertThat(generated).isGreaterThan(1000);
        assertThat(built).as("every generated line is of the common shape").isGreaterThanOrEqualTo(generated);
    }

    @Test
    void linesOfAnotherShapeAreLeftToHapi() {
        String procedure = "{\"resourceType\":\"Procedure\",\"id\":\"p1\",\"status\":\"completed\","
                + "\"subject\":{\"reference\":\"Patient/p0\"},\"performedDateTime\":\"2025-04-24\"}";
        assertThat(SupportingResourceReader.read(procedure)).isNotNull();

        assertThat(SupportingResourceReader.read(procedure.replace("2025-04-24", "2025-04-24T10:00:00Z")))
                .as("a time of day").isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("completed", "done"))).as("no such status")
                .isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("\"p1\"", "\" p1\""))).as("spaces").isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("\"status\"", "\"note\":[{\"text\":\"x\"}],"
                + "\"status\""))).as("an element left out of the shape").isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("{\"resourceType\":\"Procedure\",",
                "{\"id\":\"p2\",\"resourceType\":\"Procedure\","))).as("resourceType not first").isNull();
        assertThat(SupportingResourceReader.read("{\"resourceType\":\"Organization\",\"id\":\"o\"}")).isNull();
        assertThat(SupportingResourceReader.read(procedure + " x")).as("trailing text").isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("\"status\"", "\"id\":\"again\",\"status\"")))
                .as("a key twice").isNull();
        assertThat(SupportingResourceReader.read(procedure.replace("\"reference\":", "\"reference\":\"Patient/p0\",\"reference\":")))
                .as("a key twice in the subject").isNull();
    }
}
