package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed table stops loading with a message naming the file, the line and the column. */
class MalformedTableTest {

    @TempDir
    Path dir;

    @Test
    void unknownModifierIndicatorNamesFileLineAndColumn() {
        Path bad = CmsFiles.withLine(dir, "ptp-practitioner.txt", 9,
                CmsFiles.line("ptp-practitioner.txt", 9).replace("\t0\t", "\t7\t"));

        assertThatThrownBy(() -> PtpReader.read(TableSource.file(bad), new SharedValues()))
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining(bad.toString() + " line 9")
                .hasMessageContaining("'Modifier' (modifier indicator)")
                .hasMessageContaining("unknown indicator value 7");
    }

    @Test
    void badDateNamesFileLineAndColumn() {
        Path bad = CmsFiles.withLine(dir, "ptp-practitioner.txt", 10,
                CmsFiles.line("ptp-practitioner.txt", 10).replace("20130101", "20131345"));

        assertThatThrownBy(() -> PtpReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line 10")
                .hasMessageContaining("'Effective' (effective date)")
                .hasMessageContaining("'20131345' is not a date");
    }

    @Test
    void nonNumericUnitsNameFileLineAndColumn() {
        Path bad = CmsFiles.withLine(dir, "mue-practitioner.csv", 5,
                "64612,one,2 Date of Service Edit: Policy,CMS Policy");

        assertThatThrownBy(() -> MueReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line 5")
                .hasMessageContaining("'Practitioner Services MUE Values' (MUE value)")
                .hasMessageContaining("'one' is not a whole number");
    }

    @Test
    void unknownAdjudicationIndicatorTextIsRejected() {
        Path bad = CmsFiles.withLine(dir, "mue-practitioner.csv", 6,
                "64616,1,Per Claim Edit,CMS Policy");

        assertThatThrownBy(() -> MueReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line 6")
                .hasMessageContaining("column 'MUE Adjudication Indicator'")
                .hasMessageContaining("unknown indicator value 'Per Claim Edit'");
    }

    @Test
    void unknownAddOnEditTypeAndBilateralIndicatorAreRejected() {
        Path aoc = CmsFiles.withLine(dir, "aoc.txt", 2, "64643\t\t64642\t\t4\t20130101\t\t");
        Path mpfs = CmsFiles.withLine(dir, "pprrvu.csv", 8,
                CmsFiles.line("pprrvu.csv", 8).replace(",2,1,1,0,0,0,", ",2,X,1,0,0,0,"));

        assertThatThrownBy(() -> AocReader.read(TableSource.file(aoc), new SharedValues()))
                .hasMessageContaining(aoc + " line 2, column 'AOC Edit Type'")
                .hasMessageContaining("unknown indicator value 4");
        assertThatThrownBy(() -> MpfsReader.read(TableSource.file(mpfs), new SharedValues()))
                .hasMessageContaining(mpfs + " line 8, column 'SURG' (bilateral surgery indicator)");
    }

    @Test
    void fileWithoutHeaderRowIsRejected() {
        Path bad = CmsFiles.withLine(dir, "ptp-practitioner.txt", 3, "Code A\tCode B\tWhatever");

        assertThatThrownBy(() -> PtpReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line ")
                .hasMessageContaining("no header row found")
                .hasMessageContaining("column 1 code");
    }

    @Test
    void missingRequiredColumnNamesTheHeaderLine() {
        Path bad = CmsFiles.withLine(dir, "ptp-practitioner.txt", 3,
                "Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tIndicator\tPTP Edit Rationale");

        assertThatThrownBy(() -> PtpReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line 3, column 'modifier indicator'")
                .hasMessageContaining("no such column in the header row");
    }

    @Test
    void emptyCodeNamesItsColumn() {
        Path bad = CmsFiles.withLine(dir, "aoc.txt", 3, "64643\t\t\t\t1\t20130101\t\t");

        assertThatThrownBy(() -> AocReader.read(TableSource.file(bad), new SharedValues()))
                .hasMessageContaining(bad + " line 3, column 'Primary Code': is empty");
    }

    @Test
    void unreadableFileIsNamed() {
        Path missing = dir.resolve("ccipra-v999r0-f1.txt");

        assertThatThrownBy(() -> PtpReader.read(TableSource.file(missing), new SharedValues()))
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining(missing + ": cannot be read");
    }

    @Test
    void codeSetNamedByTheRulesButAbsentFromTheDataIsRejected() {
        Map<String, List<String>> sets = Map.of("toxin", List.of("J0585"));

        assertThatThrownBy(() -> CodeSetsReader.requireEveryNamedSet("rulepack/code-sets.csv", sets))
                .hasMessageContaining("rulepack/code-sets.csv")
                .hasMessageContaining("chemodenervation (CodeSets.CHEMODENERVATION)")
                .hasMessageNotContaining("toxin (");
    }
}
