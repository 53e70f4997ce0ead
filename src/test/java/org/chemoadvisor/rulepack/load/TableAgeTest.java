package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.chemoadvisor.rulepack.RulePack;
import org.junit.jupiter.api.Test;

class TableAgeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aBundledTableFromAnEarlierQuarterIsStaleAndTheWarningNamesTheSetting() {
        TableAge ptp = new TableAge("CMS NCCI PTP edits, practitioner services", "chemo.rulepack.ptp", "2024-07-01", true);

        assertThat(ptp.staleWarning(TODAY)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("2024-07-01").contains("bundled").contains("2026-Q4, from 2026-10-01")
                .contains("chemo.rulepack.ptp.file").contains("chemo.rulepack.ptp.version"));
    }

    @Test
    void aTableOfTheCurrentQuarterIsNotStaleWhateverTheVersionFormat() {
        for (String version : List.of("2026-10-01", "2026-11", "2026Q4", "2026-Q4")) {
            assertThat(new TableAge("t", "chemo.rulepack.mue", version, false).staleWarning(TODAY)).as(version).isEmpty();
        }
        assertThat(new TableAge("t", "chemo.rulepack.mue", "2026Q3", false).effective())
                .contains(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aVersionWithoutADateIsReportedAsSuchAndNeverWarned() {
        TableAge table = new TableAge("t", "chemo.rulepack.aoc", "quarterly release", false);

        assertThat(table.staleWarning(TODAY)).isEmpty();
        assertThat(table.describe()).contains("effective date not in the version").contains("chemo.rulepack.aoc.file");
    }

    @Test
    void startUpWarnsForEachOfTheBundledTwentyTwentyFourTables() {
        RulePack pack = RulePackLoader.loadBundled();

        List<String> warnings = RulePackConfiguration.reportAge(RulePackProperties.bundled(), pack, TODAY);

        assertThat(warnings).hasSize(4);
        assertThat(String.join("\n", warnings)).contains("chemo.rulepack.aoc.file", "chemo.rulepack.mue.file",
                "chemo.rulepack.ptp.file", "chemo.rulepack.mpfs.file");
        assertThat(RulePackConfiguration.reportAge(RulePackProperties.bundled(), pack, LocalDate.of(2024, 7, 15)))
                .as("in their own quarter").hasSize(1).allMatch(w -> w.contains("2024-06-03"));
    }
}
