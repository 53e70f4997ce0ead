package org.chemoadvisor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chemoadvisor.facts.PolicyProfile;
import org.junit.jupiter.api.Test;

/** The job's command line: what spark-submit passes after the jar. */
class SparkClaimReviewArgumentsTest {

    @Test
    void inputsOutAndProfileAreRead() {
        SparkClaimReview.Arguments arguments = SparkClaimReview.Arguments.parse(new String[] {"s3a://claims/2025/",
            "--out", "s3a://claims/review", "hdfs:///claims/2026/", "--profile", "commercial"});

        assertThat(arguments.inputs()).containsExactly("s3a://claims/2025/", "hdfs:///claims/2026/");
        assertThat(arguments.out()).isEqualTo("s3a://claims/review");
        assertThat(arguments.profile()).isEqualTo(PolicyProfile.COMMERCIAL);
    }

    @Test
    void theProfileIsMedicareUnlessGivenInAnyCase() {
        assertThat(SparkClaimReview.Arguments.parse(new String[] {"in", "--out", "out"}).profile())
                .isEqualTo(PolicyProfile.MEDICARE);
        assertThat(SparkClaimReview.Arguments.parse(new String[] {"in", "--out", "out", "--profile", "COMMERCIAL"})
                .profile()).isEqualTo(PolicyProfile.COMMERCIAL);
    }

    @Test
    void aWrongCommandLineSaysWhatIsWrong() {
        assertThatThrownBy(() -> SparkClaimReview.Arguments.parse(new String[] {"in"})).hasMessage("no --out DIR");
        assertThatThrownBy(() -> SparkClaimReview.Arguments.parse(new String[] {"--out", "out"}))
                .hasMessage("no INPUT");
        assertThatThrownBy(() -> SparkClaimReview.Arguments.parse(new String[] {"in", "--out"}))
                .hasMessage("--out needs a value");
        assertThatThrownBy(() -> SparkClaimReview.Arguments.parse(new String[] {"in", "--out", "o", "--profile",
            "medicaid"})).hasMessage("unknown profile medicaid");
        assertThatThrownBy(() -> SparkClaimReview.Arguments.parse(new String[] {"in", "--out", "o", "--structural"}))
                .hasMessage("unknown option --structural");
    }
}
