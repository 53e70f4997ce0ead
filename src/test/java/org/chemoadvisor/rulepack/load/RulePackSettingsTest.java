package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.chemoadvisor.rulepack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The chemo.rulepack settings choose the tables at start-up; a bad table stops start-up. */
@ExtendWith(OutputCaptureExtension.class)
class RulePackSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(RulePackConfiguration.class);
    private final RulePack bundled = RulePackLoader.loadBundled();

    @TempDir
    Path dir;

    @Test
    void settingOneTableReplacesOnlyThatTable() {
        runner.withPropertyValues(
                "chemo.rulepack.ptp.file=" + CmsFiles.path("ptp-practitioner.txt"),
                "chemo.rulepack.ptp.version=2024-07-01 (v303r0)",
                "chemo.rulepack.ptp.title=CMS NCCI PTP edits, practitioner, quarterly file")
                .run(context -> {
                    RulePack pack = context.getBean(RulePack.class);
                    assertThat(pack.ptp().size()).isEqualTo(9);
                    assertThat(pack.ptp().citation().version()).isEqualTo("2024-07-01 (v303r0)");
                    assertThat(pack.ptp().citation().table()).isEqualTo("CMS NCCI PTP edits, practitioner, quarterly file");
                    assertThat(pack.mue().citation()).isEqualTo(bundled.mue().citation());
                    assertThat(pack.mue().size()).isEqualTo(bundled.mue().size());
                    assertThat(pack.addOns().size()).isEqualTo(bundled.addOns().size());
                    assertThat(pack.mpfs().citation()).isEqualTo(bundled.mpfs().citation());
                });
    }

    @Test
    void noSettingsMeansTheBundledTables() {
        runner.run(context -> {
            RulePack pack = context.getBean(RulePack.class);
            assertThat(pack.ptp().size()).isEqualTo(bundled.ptp().size());
            assertThat(pack.ptp().citation()).isEqualTo(bundled.ptp().citation());
        });
    }

    @Test
    void malformedTableStopsStartUpNamingFileAndLine() {
        Path bad = CmsFiles.withLine(dir, "mue-practitioner.csv", 4, "0440T,three,3 Date of Service Edit: Clinical,x");

        runner.withPropertyValues("chemo.rulepack.mue.file=" + bad, "chemo.rulepack.mue.version=2025-01-01")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(RulePackLoadException.class)
                            .hasMessageContaining(bad + " line 4, column 'Practitioner Services MUE Values'");
                });
    }

    @Test
    void fileWithoutVersionStopsStartUp() {
        runner.withPropertyValues("chemo.rulepack.aoc.file=" + CmsFiles.path("aoc.txt"))
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("chemo.rulepack.aoc.version must be set"));
    }

    @Test
    void startUpFailureIsReportedWithTheFileAndLine(CapturedOutput output) {
        Path bad = CmsFiles.withLine(dir, "ptp-practitioner.txt", 12, "95874\t95873\t\t20100101\t*\tzero\tx");

        assertThatThrownBy(() -> new SpringApplicationBuilder(RulePackConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("chemo.rulepack.ptp.file=" + bad, "chemo.rulepack.ptp.version=2025-01-01")
                .run().close())
                .hasRootCauseInstanceOf(RulePackLoadException.class);
        assertThat(output).contains("The rule pack could not be loaded: " + bad + " line 12, column 'Modifier'");
    }
}
