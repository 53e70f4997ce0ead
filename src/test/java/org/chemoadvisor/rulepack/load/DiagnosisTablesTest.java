package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.DiagnosisSite;
import org.chemoadvisor.rulepack.Icd10CmValidity;
import org.chemoadvisor.rulepack.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnosis sites and ICD-10-CM validity tables: what the bundle holds, and what stops loading. */
class DiagnosisTablesTest {

    private final RulePack bundled = RulePackLoader.loadBundled();

    @TempDir
    Path dir;

    @Test
    void everyChemodenervationCodeButTheLarynxBelongsToOneSite() {
        CodeSets sets = bundled.codeSets();
        assertThat(sets.codes(CodeSets.CHEMODENERVATION)).allSatisfy(code -> {
            if (sets.contains(CodeSets.GUIDANCE_INCLUDED, code)) {
                assertThat(bundled.diagnosisSites().siteOf(code, sets)).as(code).isEmpty();
            } else {
                assertThat(bundled.diagnosisSites().siteOf(code, sets)).as(code).isPresent();
            }
        });
        assertThat(bundled.diagnosisSites().siteOf("64616", sets)).map(DiagnosisSite::id).contains("neck");
        assertThat(bundled.diagnosisSites().citation().version()).isEqualTo("2026.2");
    }

    @Test
    void bundledTableKnowsTheFy2026MultipleSclerosisChange() {
        Icd10CmValidity table = bundled.icd10cm();
        assertThat(table.statusOn("G35", LocalDate.of(2025, 9, 30))).get().isInstanceOf(Icd10CmValidity.Billable.class);
        assertThat(table.statusOn("G35", LocalDate.of(2025, 10, 1))).get().isInstanceOf(Icd10CmValidity.Header.class);
        assertThat(table.statusOn("G35A", LocalDate.of(2025, 9, 30))).get().isInstanceOf(Icd10CmValidity.NotYetValid.class);
        assertThat(table.statusOn("G801", LocalDate.of(2025, 10, 1))).as("not listed: not judged").isEmpty();
        assertThat(table.citation().version()).isEqualTo("FY2026");
    }

    @Test
    void aCategoryWithoutReplacementsStopsLoadingNamingFileAndLine() throws IOException {
        Path file = dir.resolve("icd10cm-validity.csv");
        Files.writeString(file, "code,valid_from,valid_to,billable,replaced_by,note,source\n"
                + "G35,2025-10-01,,no,,multiple sclerosis,FY2026 addenda\n");

        assertThatThrownBy(() -> Icd10CmValidityReader.read(TableSource.file(file), new SharedValues()))
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining(file + " line 2, column 'replaced_by'");
    }

    @Test
    void aPeriodEndingBeforeItStartsStopsLoading() throws IOException {
        Path file = dir.resolve("icd10cm-validity.csv");
        Files.writeString(file, "code,valid_from,valid_to,billable,replaced_by,note,source\n"
                + "G35,2025-10-01,2025-09-30,yes,,multiple sclerosis,FY2026 addenda\n");

        assertThatThrownBy(() -> Icd10CmValidityReader.read(TableSource.file(file), new SharedValues()))
                .hasMessageContaining("before valid_from");
    }

    @Test
    void aSiteNamingAnUnknownCodeSetStopsLoading() throws IOException {
        Path file = dir.resolve("diagnosis-sites.csv");
        Files.writeString(file, "site,label,procedures,supporting,with_spasm,spasm,source\n"
                + "neck,neck,neck,supporting-diagnosis-nape,,,CPT\n");

        assertThatThrownBy(() -> DiagnosisSitesReader.read(TableSource.file(file), new SharedValues(),
                bundled.codeSets()))
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining("column 'supporting'").hasMessageContaining("supporting-diagnosis-nape");
    }

    @Test
    void aProcedureInTwoSitesStopsLoading() throws IOException {
        Path file = dir.resolve("diagnosis-sites.csv");
        Files.writeString(file, "site,label,procedures,supporting,with_spasm,spasm,source\n"
                + "neck,neck,neck,supporting-diagnosis-neck,,,CPT\n"
                + "nape,nape,neck,supporting-diagnosis-neck,,,CPT\n");

        assertThatThrownBy(() -> DiagnosisSitesReader.read(TableSource.file(file), new SharedValues(),
                bundled.codeSets()))
                .hasMessageContaining("64616 already belongs to another site");
    }
}
