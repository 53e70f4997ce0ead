package org.chemoadvisor.rulepack.load;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header of a table: which cell holds which {@link Column}. CMS files put one to three header
 * lines under a preamble (PTP: "Column 1" ... with "prior to 1996", "Date", "*=no data" on the
 * lines below; the fee schedule CSV splits "STATUS" / "CODE" over two lines), so a header is
 * built from the line holding the first column's name, the lines under it up to the first data
 * row, and, when that is not enough, the line above it.
 */
final class Header {

    private final String file;
    private final long line;
    private final List<String> raw;
    private final Map<Column, Integer> indexes;

    private Header(String file, long line, List<String> raw, Map<Column, Integer> indexes) {
        this.file = file;
        this.line = line;
        this.raw = raw;
        this.indexes = indexes;
    }

    static Header resolve(String file, long line, CSVRecord above, CSVRecord headerRow, List<CSVRecord> below,
            List<Column> columns) {
        List<String> own = labels(headerRow, below, null);
        List<String> withAbove = nonBlankCells(above) >= 2 ? labels(headerRow, below, above) : own;
        Map<Column, Integer> indexes = new IdentityHashMap<>();
        for (Column column : columns) {
            int index = find(column, own);
            if (index < 0) {
                index = find(column, withAbove);
            }
            if (index < 0 && column.required()) {
                throw RulePackLoadException.at(file, line, "'" + column.description() + "'",
                        "no such column in the header row (found " + headerRow.toList() + ")");
            }
            indexes.put(column, index);
        }
        return new Header(file, line, headerRow.toList(), indexes);
    }

    int indexOf(Column column) {
        return indexes.getOrDefault(column, -1);
    }

    String file() {
        return file;
    }

    long line() {
        return line;
    }

    /** How a column is named in messages: its header text in the file, and its meaning. */
    String describe(Column column) {
        int index = indexOf(column);
        String text = index >= 0 && index < raw.size() ? raw.get(index).trim() : "";
        if (text.isEmpty()) {
            return "'" + column.description() + "'";
        }
        if (Column.normalize(text).equals(Column.normalize(column.description()))) {
            return "'" + text + "'";
        }
        return "'" + text + "' (" + column.description() + ")";
    }

    static int nonBlankCells(CSVRecord record) {
        int count = 0;
        if (record != null) {
            for (String cell : record) {
                if (cell != null && !cell.isBlank()) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int find(Column column, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (column.matches(labels.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> labels(CSVRecord headerRow, List<CSVRecord> below, CSVRecord above) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < headerRow.size(); i++) {
            StringBuilder label = new StringBuilder();
            if (above != null) {
                label.append(cell(above, i));
            }
            label.append(cell(headerRow, i));
            for (CSVRecord row : below) {
                label.append(cell(row, i));
            }
            labels.add(Column.normalize(label.toString()));
        }
        return labels;
    }

    private static String cell(CSVRecord record, int index) {
        return index < record.size() && record.get(index) != null ? record.get(index) : "";
    }
}
