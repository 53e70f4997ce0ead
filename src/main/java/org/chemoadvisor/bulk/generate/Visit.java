package org.chemoadvisor.bulk.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One generated encounter's billing, before it is written as FHIR: the lines of one professional
 * claim, the diagnoses they point at, the muscles documented per limb (Procedures), and the rule
 * IDs the coding check is expected to raise for it (empty for a clean claim).
 */
final class Visit {

    /** One claim line: a CPT or HCPCS code with its modifiers and units, pointing at diagnoses (1-based). */
    record Line(String system, String code, List<String> modifiers, int quantity, List<Integer> diagnoses) {

        Line withModifier(String modifier) {
            List<String> more = new ArrayList<>(modifiers);
            more.add(modifier);
            return new Line(system, code, more, quantity, diagnoses);
        }

        Line withQuantity(int units) {
            return new Line(system, code, modifiers, units, diagnoses);
        }
    }

    /** Muscles injected in one limb, as the procedure note records them ("Right Biceps brachii"). */
    record DocumentedLimb(String code, List<String> muscles) {
    }

    final Indication indication;
    LocalDate date;
    String placeOfService = "11";
    final List<String> diagnoses = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<DocumentedLimb> documented = new ArrayList<>();
    final Set<String> expectedRuleIds = new TreeSet<>();
    String mistake = "";

    Visit(Indication indication, LocalDate date) {
        this.indication = indication;
        this.date = date;
    }

    void add(String system, String code, int quantity, String... modifiers) {
        lines.add(new Line(system, code, List.of(modifiers), quantity, List.of(1)));
    }

    boolean has(String code) {
        return lines.stream().anyMatch(line -> line.code().equals(code));
    }

    void remove(String code) {
        lines.removeIf(line -> line.code().equals(code));
    }

    void replace(String code, java.util.function.UnaryOperator<Line> change) {
        lines.replaceAll(line -> line.code().equals(code) ? change.apply(line) : line);
    }

    /** Drug lines (the toxin J-codes) are removed, e.g. for a visit billed at a hospital. */
    void removeDrugLines() {
        lines.removeIf(line -> line.code().startsWith("J"));
    }
}
