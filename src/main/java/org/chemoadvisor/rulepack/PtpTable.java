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

    private final Map<String, List<PtpEdit>> byPair;
    private final Citation citation;

    public PtpTable(List<PtpEdit> edits, Citation citation) {
        Map<String, List<PtpEdit>> index = new HashMap<>();
        for (PtpEdit edit : edits) {
            index.computeIfAbsent(key(edit.column1(), edit.column2()), k -> new ArrayList<>()).add(edit);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byPair = Map.copyOf(index);
        this.citation = citation;
    }

    /** The edit with {@code column1} as column 1 and {@code column2} as column 2 in force on the date. */
    public Optional<PtpEdit> find(String column1, String column2, LocalDate date) {
        for (PtpEdit edit : byPair.getOrDefault(key(column1, column2), List.of())) {
            if (edit.period().covers(date)) {
                return Optional.of(edit);
            }
        }
        return Optional.empty();
    }

    /** The edit between two codes in either order. */
    public Optional<PtpEdit> findEitherOrder(String a, String b, LocalDate date) {
        return find(a, b, date).or(() -> find(b, a, date));
    }

    public int size() {
        return byPair.values().stream().mapToInt(List::size).sum();
    }

    private static String key(String column1, String column2) {
        return column1 + '|' + column2;
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
