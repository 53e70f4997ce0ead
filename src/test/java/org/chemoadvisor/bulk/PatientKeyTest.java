package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientKeyTest {

    @Test
    void eachResourceIsKeyedByThePatientItBelongsTo() {
        assertThat(PatientKey.of("{\"resourceType\":\"Claim\",\"id\":\"c1\",\"item\":[{\"sequence\":1}],"
                + "\"patient\":{\"reference\":\"Patient/p1\",\"display\":\"x\"}}")).isEqualTo("Patient/p1");
        assertThat(PatientKey.of("{\"resourceType\":\"Procedure\",\"subject\":{\"reference\":\"Patient/p2\"}}"))
                .isEqualTo("Patient/p2");
        assertThat(PatientKey.of("{\"resourceType\":\"Coverage\",\"beneficiary\":{\"reference\":\"Patient/p3\"}}"))
                .isEqualTo("Patient/p3");
        assertThat(PatientKey.of("{\"id\":\"p4\",\"resourceType\":\"Patient\"}")).isEqualTo("Patient/p4");
        assertThat(PatientKey.of("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Claim\",\"patient\":{\"reference\":\"Patient/p5\"}}}]}")).isEqualTo("Patient/p5");
    }

    @Test
    void aResourceOfNoPatientHasNoKeyAndALineThatIsNotJsonIsUnreadable() {
        assertThat(PatientKey.of("{\"resourceType\":\"Organization\",\"id\":\"clinic\"}")).isNull();
        assertThat(PatientKey.of("{\"resourceType\":\"Claim\",\"patient\":{\"display\":\"no reference\"}}")).isNull();
        assertThat(PatientKey.of("{\"resourceType\":\"Procedure\",\"subject\":{\"reference\":\"Group/g1\"}}")).isNull();
        assertThat(PatientKey.of("not json")).isEqualTo(PatientKey.UNREADABLE);
        assertThat(PatientKey.of("[1, 2]")).isEqualTo(PatientKey.UNREADABLE);
        assertThat(PatientKey.of("{\"resourceType\":\"Claim\", \"id\": \"cut-off")).isEqualTo(PatientKey.UNREADABLE);
    }

    @Test
    void aLinesBytesAreKeyedAsItsText() {
        for (String line : List.of(
                "{\"resourceType\":\"Claim\",\"patient\":{\"reference\":\"Patient/p1\",\"display\":\"Zoë\"}}",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Müller\"}],\"id\":\"pé\"}",
                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Claim\",\"text\":\"ü\","
                        + "\"patient\":{\"reference\":\"Patient/p5\"}}}]}",
                "{\"resourceType\":\"Organization\",\"id\":\"clinic\"}", "not json", "{\"id\": \"cut-off")) {
            byte[] bytes = ("x" + line + "y").getBytes(StandardCharsets.UTF_8);
            assertThat(PatientKey.of(bytes, 1, bytes.length - 1)).as(line).isEqualTo(PatientKey.of(line));
        }
    }
}
