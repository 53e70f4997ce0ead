package org.chemoadvisor.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineGivesClaimsRateShareReadAndAnEstimateOfTheTimeLeft() {
        try (Progress progress = Progress.start(new PrintStream(OutputStream.nullOutputStream()), new AtomicLong(1200))) {
            assertThat(progress.line()).as("before the review pass").contains("1,200 claims").doesNotContain("left");

            progress.reviewing(4000);
            progress.bytesRead.set(1000);

            assertThat(progress.line()).contains("1,200 claims", "claims/s", "25% read", "s left");
        }
    }

    @Test
    void whileTheInputIsSplitByPatientTheLineSaysSoAndHowMuchIsRead() {
        try (Progress progress = Progress.start(new PrintStream(OutputStream.nullOutputStream()), new AtomicLong())) {
            progress.splitting(2000);
            progress.bytesRead.set(500);

            assertThat(progress.line()).contains("splitting the input by patient: 25% read").doesNotContain("left");
        }
    }
}
