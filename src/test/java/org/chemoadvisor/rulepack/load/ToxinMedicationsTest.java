package org.chemoadvisor.rulepack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chemoadvisor.rulepack.ToxinMedications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The toxin medication names: how text is matched, and what stops loading. */
class ToxinMedicationsTest {

    private final ToxinMedications bundled = RulePackLoader.loadBundled().toxinMedications();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "onabotulinumtoxinA 100 UNT Injection [Botox], J0585",
        "BOTOX 200 unit vial, J0585",
        "Dysport 500 units, J0586",
        "rimabotulinumtoxinB 5000 UNT/ML, J0587",
        "xeomin, J0588",
        "daxibotulinumtoxinA-lanm 100 units, J0589"})
    void ingredientOrBrandNameAnywhereInTheTextGivesItsJCode(String text, String hcpcs) {
        assertThat(bundled.hcpcsNamedIn(text)).contains(hcpcs);
    }

    @ParameterizedTest
    @CsvSource({"lidocaine 1% injection", "antibotoxserum", "botulinum antitoxin heptavalent", "''"})
    void otherTextNamesNoToxin(String text) {
        assertThat(bundled.hcpcsNamedIn(text)).isEmpty();
    }

    @Test
    void everyNameNamesItsSource() {
        assertThat(bundled.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.source()).isNotBlank());
    }

    @Test
    void rowWithoutSourceStopsLoadingNamingFileAndLine() throws IOException {
        Path file = dir.resolve("toxin-medications.csv");
        Files.writeString(file, "name,hcpcs,drug_units_per_billing_unit,source\nonabotulinumtoxinA,J0585,1,\n");

        assertThatThrownBy(() -> ToxinMedicationsReader.read(TableSource.file(file), new SharedValues()))
                .isInstanceOf(RulePackLoadException.class)
                .hasMessageContaining(file + " line 2, column 'source'");
    }

    @Test
    void nameTooShortToRecogniseStopsLoading() throws IOException {
        Path file = dir.resolve("toxin-medications.csv");
        Files.writeString(file, "name,hcpcs,drug_units_per_billing_unit,source\nbo,J0585,1,a source\n");

        assertThatThrownBy(() -> ToxinMedicationsReader.read(TableSource.file(file), new SharedValues()))
                .hasMessageContaining("too short");
    }
}
