package org.chemoadvisor.rulepack.load;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/** One data row of a table, read through its header; every failure names file, line and column. */
final class Row {

    private final CSVRecord record;
    private final long line;
    private final Header header;
    private final SharedValues shared;

    Row(CSVRecord record, long line, Header header, SharedValues shared) {
        this.record = record;
        this.line = line;
        this.header = header;
        this.shared = shared;
    }

    boolean has(Column column) {
        return header.indexOf(column) >= 0;
    }

    /** The trimmed cell, empty when the column is absent or the row is short. */
    String text(Column column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= record.size()) {
            return "";
        }
        String value = record.get(index);
        return value == null ? "" : value.trim();
    }

    /** Optional free text (a rationale, an indicator kept as text), shared between rows; empty when absent. */
    String sharedText(Column column) {
        return shared.text(text(column));
    }

    /** A code: non-empty, letters and digits only, upper case. */
    String code(Column column) {
        String value = text(column);
        if (value.isEmpty()) {
            throw error(column, "is empty");
        }
        String code = value.toUpperCase(Locale.ROOT);
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                throw error(column, "'" + value + "' is not a code");
            }
        }
        return shared.text(code);
    }

    /** A whole number of zero or more. */
    int integer(Column column) {
        String value = text(column);
        if (!value.matches("\\d{1,9}")) {
            throw error(column, "'" + value + "' is not a whole number");
        }
        return Integer.parseInt(value);
    }

    /** An indicator that must be one of the allowed values. */
    int indicator(Column column, Set<Integer> allowed) {
        return checkIndicator(column, integer(column), allowed);
    }

    int checkIndicator(Column column, int value, Set<Integer> allowed) {
        if (!allowed.contains(value)) {
            throw error(column, "unknown indicator value " + value + " (expected one of " + sorted(allowed) + ")");
        }
        return value;
    }

    /** A date, or null for an open end ("*" or blank); absent columns are open ends too. */
    LocalDate date(Column column) {
        if (!has(column)) {
            return null;
        }
        try {
            return shared.dates().parse(text(column));
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    RulePackLoadException error(Column column, String problem) {
        return RulePackLoadException.at(header.file(), line, header.describe(column), problem);
    }

    private static String sorted(Set<Integer> values) {
        return values.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
