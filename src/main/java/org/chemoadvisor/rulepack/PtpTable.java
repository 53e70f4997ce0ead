package org.chemoadvisor.rulepack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.rules.Citation;

/** NCCI procedure-to-procedure edits, indexed by (column 1, column 2). */
public final class PtpTable implements Versioned {

    /** Column 1, then column 2: two look-ups instead of building a key string per pair asked. */
    private final Map<String, Map<String, List<PtpEdit>>> byPair;
    private final Citation citation;

    public PtpTable(List<PtpEdit> edits, Citation citation) {
        Map<String, Map<String, List<PtpEdit>>> index = new HashMap<>();
        for (PtpEdit edit : edits) {
            index.computeIfAbsent(edit.column1(), k -> new HashMap<>())
                    .computeIfAbsent(edit.column2(), k -> new ArrayList<>()).add(edit);
        }
        index.replaceAll((column1, byColumn2) -> {
            byColumn2.replaceAll((column2, found) -> List.copyOf(found));
            return Map.copyOf(byColumn2);
        });
        this.byPair = Map.copyOf(index);
        this.citation = citation;
    }

    /** The edit with {@code column1} as column 1 and {@code column2} as column 2 in force on the date. */
    public Optional<PtpEdit> find(String column1, String column2, LocalDate date) {
        Map<String, List<PtpEdit>> byColumn2 = column1 == null ? null : byPair.get(column1);
        List<PtpEdit> edits = byColumn2 == null || column2 == null ? null : byColumn2.get(column2);
        if (edits == null) {
            return Optional.empty();
        }
        for (int i = 0; i < edits.size(); i++) {
            if (edits.get(i).period().covers(date)) {
                return Optional.of(edits.get(i));
            }
        }
        return Optional.empty();
    }

    /** The edit between two codes in either order. */
    public Optional<PtpEdit> findEitherOrder(String a, String b, LocalDate date) {
        return find(a, b, date).or(() -> find(b, a, date));
    }

    public int size() {
        return byPair.values().stream().flatMap(m -> m.values().stream()).mapToInt(List::size).sum();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
