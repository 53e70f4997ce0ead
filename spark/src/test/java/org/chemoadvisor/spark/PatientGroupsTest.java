package org.chemoadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** A partition sorted by patient is reviewed a patient at a time, each patient's lines together. */
class PatientGroupsTest {

    @Test
    void eachPatientsLinesAreReviewedTogetherInTheOrderGiven() {
        List<Row> sorted = List.of(row("Patient/a", "claim-1", "Claim.ndjson", 3), row("Patient/a", "proc-1",
                "Procedure.ndjson", 1), row("Patient/b", "claim-2", "Claim.ndjson", 7), row("Patient/c", "claim-3",
                "Claim.ndjson", 9), row("Patient/c", "claim-4", "Claim.ndjson", 10));
        List<List<String>> groups = new ArrayList<>();

        Iterator<String> reviewed = new PatientGroups<>(sorted.iterator(), lines -> {
            groups.add(lines.stream().map(PatientReview.Line::text).toList());
            return lines.stream().filter(line -> line.fromClaimFile()).map(PatientReview.Line::text).toList();
        });

        assertThat(reviewed).toIterable().containsExactly("claim-1", "claim-2", "claim-3", "claim-4");
        assertThat(groups).containsExactly(List.of("claim-1", "proc-1"), List.of("claim-2"),
                List.of("claim-3", "claim-4"));
    }

    @Test
    void aPatientWhoseReviewGivesNothingIsSkipped() {
        Iterator<String> reviewed = new PatientGroups<>(List.of(row("Patient/a", "x", "Patient.ndjson", 1),
                row("Patient/b", "claim-2", "Claim.ndjson", 2)).iterator(),
                lines -> lines.get(0).fromClaimFile() ? List.of(lines.get(0).text()) : List.of());

        assertThat(reviewed.next()).isEqualTo("claim-2");
        assertThat(reviewed.hasNext()).isFalse();
        assertThatThrownBy(reviewed::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anEmptyPartitionGivesNothing() {
        assertThat(new PatientGroups<String>(List.<Row>of().iterator(), lines -> List.of("never")).hasNext())
                .isFalse();
    }

    private static Row row(String patient, String text, String file, long order) {
        return RowFactory.create(patient, text, "file:/export/" + file, order);
    }
}
