package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chemoadvisor.rulepack.AddOnEdit;
import org.chemoadvisor.rulepack.EffectivePeriod;
import org.chemoadvisor.rulepack.MpfsIndicator;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in the CMS published layouts give the same facts as the bundled trimmed tables. */
class CmsLayoutTablesTest {

    private final RulePack bundled = RulePackLoader.loadBundled();

    @Test
    void ptpFileWithPreambleTabsAndMultiLineHeaderMatchesBundledRows() {
        List<PtpEdit> edits = PtpReader.read(CmsFiles.source("ptp-practitioner.txt"), new SharedValues());

        List<PtpEdit> open = edits.stream().filter(e -> e.period().to() == null).toList();
        assertThat(open).hasSizeGreaterThanOrEqualTo(6);
        for (PtpEdit edit : open.subList(0, 6)) {
            PtpEdit same = bundled.ptp().find(edit.column1(), edit.column2(), null).orElseThrow();
            assertThat(edit.modifierIndicator()).as(edit.column1() + "/" + edit.column2()).isEqualTo(same.modifierIndicator());
            assertThat(edit.rationale()).isEqualTo(same.rationale());
        }
        assertThat(edits.get(0).period().from()).hasToString("2010-01-01");
    }

    @Test
    void mueFileWithTextAdjudicationIndicatorsMatchesBundledRows() {
        for (String file : List.of("mue-practitioner.csv", "mue-practitioner.txt")) {
            List<MueEdit> edits = MueReader.read(CmsFiles.source(file), new SharedValues());

            assertThat(edits).as(file).hasSize(12);
            for (MueEdit edit : edits) {
                assertThat(edit).as(file).isEqualTo(bundled.mue().find(edit.code()).orElseThrow());
            }
        }
    }

    @Test
    void aocFileMatchesBundledPrimaries() {
        List<AddOnEdit> edits = AocReader.read(CmsFiles.source("aoc.txt"), new SharedValues());

        for (AddOnEdit edit : edits.stream().filter(e -> e.period().to() == null).toList()) {
            assertThat(bundled.addOns().primariesFor(edit.addOnCode(), null)).contains(edit.primaryCode());
            assertThat(bundled.addOns().editsFor(edit.addOnCode())).extracting(AddOnEdit::editType).contains(edit.editType());
        }
        assertThat(edits).hasSize(bundled.addOns().size() + 1);
    }

    @Test
    void feeScheduleFileWithTitleLinesAndTwoLineHeaderMatchesBundledIndicators() {
        List<MpfsIndicator> rows = MpfsReader.read(CmsFiles.source("pprrvu.csv"), new SharedValues());

        assertThat(rows).hasSize(13);
        for (MpfsIndicator row : rows) {
            MpfsIndicator same = bundled.mpfs().find(row.code()).orElseThrow();
            if (row.modifier().isEmpty()) {
                assertThat(row).as(row.code()).isEqualTo(same);
            }
        }
    }

    @Test
    void wholePackFromCmsFilesKeepsTheReferenceFacts() {
        RulePack pack = RulePackLoader.load(new RulePackProperties(
                override("aoc.txt"), override("mue-practitioner.csv"), override("ptp-practitioner.txt"), override("pprrvu.csv")));

        assertThat(pack.addOns().primariesFor("64645", null)).containsExactly("64644");
        assertThat(pack.mue().find("64645")).get().extracting(MueEdit::maxUnits).isEqualTo(3);
        assertThat(pack.mue().find("64645")).get().extracting(MueEdit::adjudicationIndicator).isEqualTo(2);
        assertThat(pack.ptp().find("95874", "95873", null)).get().extracting(PtpEdit::modifierIndicator).isEqualTo(0);
        assertThat(pack.mpfs().find("64644")).get().extracting(MpfsIndicator::bilateralSurgeryIndicator).isEqualTo("0");
        assertThat(pack.mpfs().find("64616")).get().extracting(MpfsIndicator::bilateralSurgeryIndicator).isEqualTo("1");
        assertThat(pack.ptp().citation().version()).isEqualTo("test-2024Q3");
        assertThat(pack.ptp().citation().table()).isEqualTo(bundled.ptp().citation().table());
    }

    @Test
    void zipAsPublishedIsReadFromItsTableEntry(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("ccipra-v303r0-f1.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            entries.putNextEntry(new ZipEntry("Disclaimer.txt"));
            entries.write("Read me first.".getBytes());
            entries.putNextEntry(new ZipEntry("ccipra-v303r0-f1.TXT"));
            entries.write(Files.readAllBytes(CmsFiles.path("ptp-practitioner.txt")));
        }

        TableSource source = TableSource.file(zip);
        List<PtpEdit> edits = PtpReader.read(source, new SharedValues());

        assertThat(source.name()).endsWith("ccipra-v303r0-f1.zip!/ccipra-v303r0-f1.TXT");
        assertThat(edits).hasSize(9);
    }

    @Test
    void ptpPublishedInPartsIsReadFromEveryFile() {
        RulePackProperties.TableOverride parts = new RulePackProperties.TableOverride(
                List.of(CmsFiles.path("ptp-practitioner.txt").toString(), CmsFiles.path("ptp-practitioner.txt").toString()),
                "test-2024Q3", null);
        RulePack pack = RulePackLoader.load(new RulePackProperties(null, null, parts, null));

        assertThat(pack.ptp().size()).isEqualTo(18);
    }

    @Test
    void equalPeriodsAndCodesAreSharedNotCopied() {
        List<PtpEdit> edits = PtpReader.read(CmsFiles.source("ptp-practitioner.txt"), new SharedValues());

        assertThat(edits.get(2).period()).isSameAs(edits.get(3).period());
        assertThat(edits.get(4).column2()).isSameAs(edits.get(5).column2());
        assertThat(edits.get(0).period()).isNotEqualTo(EffectivePeriod.ALWAYS);
    }

    private static RulePackProperties.TableOverride override(String file) {
        return new RulePackProperties.TableOverride(List.of(CmsFiles.path(file).toString()), "test-2024Q3", null);
    }
}
