package org.chemoadvisor.rulepack.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads any rule pack table through its header: skips preamble lines (CMS files open with
 * copyright and title lines) until the line naming the first column, maps the other columns by
 * their header text, skips header continuation lines, and hands every data row to the caller.
 * Comma- and tab-delimited files are both read; the delimiter is taken from the first lines.
 */
final class TableReader {

    /** How far into a file the header row may be; CMS preambles are a few lines. */
    static final int HEADER_SEARCH_LINES = 100;

    private TableReader() {
    }

    /** @param columns the columns to map; the first one finds the header row and marks data rows. */
    static void read(TableSource source, List<Column> columns, SharedValues shared, Consumer<Row> rows) {
        try (BufferedReader reader = new BufferedReader(source.openReader(), 1 << 16)) {
            skipByteOrderMark(reader);
            CSVFormat format = formatFor(reader);
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                new Pass(source.name(), columns, shared, parser, rows).run();
            }
        } catch (IOException e) {
            throw new RulePackLoadException(source.name() + ": cannot be read: " + e, e);
        }
    }

    /** Files saved by Excel as "CSV UTF-8" start with a byte order mark. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    /** Tab when an early line has two tabs (CMS .txt files), comma otherwise. */
    private static CSVFormat formatFor(BufferedReader reader) throws IOException {
        reader.mark(1 << 20);
        boolean tabs = false;
        String line;
        for (int i = 0; i < HEADER_SEARCH_LINES && (line = reader.readLine()) != null && !tabs; i++) {
            tabs = line.indexOf('\t') != line.lastIndexOf('\t');
        }
        reader.reset();
        CSVFormat base = tabs
                // CMS tab files are not quoted; a stray quote in a rationale must not swallow rows.
                ? CSVFormat.TDF.builder().setQuote(null).get()
                : CSVFormat.DEFAULT;
        return base.builder().setTrim(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(false).get();
    }

    /** One pass over one file: preamble, header block, data rows. */
    private static final class Pass {
        private final String file;
        private final List<Column> columns;
        private final SharedValues shared;
        private final CSVParser parser;
        private final Consumer<Row> rows;
        private CSVRecord above;
        private CSVRecord headerRow;
        private long headerLine;
        private int anchorIndex = -1;
        private final List<CSVRecord> below = new ArrayList<>();
        private Header header;
        private long dataRows;

        Pass(String file, List<Column> columns, SharedValues shared, CSVParser parser, Consumer<Row> rows) {
            this.file = file;
            this.columns = columns;
            this.shared = shared;
            this.parser = parser;
            this.rows = rows;
        }

        void run() {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord record;
            while ((record = next(records)) != null) {
                accept(record, parser.getCurrentLineNumber());
            }
            if (header == null && headerRow != null) {
                resolveHeader();
            }
            if (header == null) {
                throw RulePackLoadException.at(file, parser.getCurrentLineNumber(), "'" + anchor().description() + "'",
                        "no header row found (a line naming the column '" + anchor().description() + "')");
            }
            if (dataRows == 0) {
                throw RulePackLoadException.at(file, header.line(), "the table has a header but no rows");
            }
        }

        private CSVRecord next(Iterator<CSVRecord> records) {
            try {
                return records.hasNext() ? records.next() : null;
            } catch (UncheckedIOException | IllegalStateException e) {
                throw RulePackLoadException.at(file, parser.getCurrentLineNumber() + 1, "unreadable line: " + e.getMessage());
            }
        }

        private void accept(CSVRecord record, long line) {
            if (Header.nonBlankCells(record) == 0) {
                return;
            }
            if (headerRow == null) {
                findHeader(record, line);
            } else if (header == null && cell(record, anchorIndex).isEmpty()) {
                below.add(record);
            } else {
                if (header == null) {
                    resolveHeader();
                }
                dataRows++;
                rows.accept(new Row(record, line, header, shared));
            }
        }

        private void findHeader(CSVRecord record, long line) {
            for (int i = 0; i < record.size(); i++) {
                if (anchor().matches(Column.normalize(record.get(i)))) {
                    headerRow = record;
                    headerLine = line;
                    anchorIndex = i;
                    return;
                }
            }
            if (line >= HEADER_SEARCH_LINES) {
                throw RulePackLoadException.at(file, line, "'" + anchor().description() + "'", "no header row in the first "
                        + HEADER_SEARCH_LINES + " lines (a line naming the column '" + anchor().description() + "')");
            }
            above = record;
        }

        private void resolveHeader() {
            header = Header.resolve(file, headerLine, above, headerRow, below, columns);
        }

        private Column anchor() {
            return columns.get(0);
        }

        private static String cell(CSVRecord record, int index) {
            return index < record.size() && record.get(index) != null ? record.get(index).trim() : "";
        }
    }
}
