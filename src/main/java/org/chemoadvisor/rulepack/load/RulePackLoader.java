package org.chemoadvisor.rulepack.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.chemoadvisor.rulepack.AddOnEdit;
import org.chemoadvisor.rulepack.AddOnEdits;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.EffectivePeriod;
import org.chemoadvisor.rulepack.MpfsIndicator;
import org.chemoadvisor.rulepack.MpfsIndicators;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.MueTable;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.PtpTable;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;

/**
 * Reads the rule pack bundled in the jar ({@code classpath:rulepack/}). Every table is checked
 * as it is read; a bad row stops loading with the file and line in the message.
 */
public final class RulePackLoader {

    private static final String BUNDLE = "rulepack/";

    private RulePackLoader() {
    }

    public static RulePack loadBundled() {
        Properties manifest = readManifest();
        return new RulePack(
                new AddOnEdits(readAoc(manifest), citation(manifest, "aoc")),
                new MueTable(readMue(manifest), citation(manifest, "mue")),
                new PtpTable(readPtp(manifest), citation(manifest, "ptp")),
                new MpfsIndicators(readMpfs(manifest), citation(manifest, "mpfs")),
                new CodeSets(readCodeSets(manifest), citation(manifest, "codesets")));
    }

    private static List<AddOnEdit> readAoc(Properties manifest) {
        List<AddOnEdit> rows = new ArrayList<>();
        read(manifest.getProperty("aoc.file"), (file, r) -> rows.add(new AddOnEdit(
                code(file, r, "addon_code"), code(file, r, "primary_code"),
                integer(file, r, "aoc_edit_type"), EffectivePeriod.ALWAYS)));
        return rows;
    }

    private static List<MueEdit> readMue(Properties manifest) {
        List<MueEdit> rows = new ArrayList<>();
        read(manifest.getProperty("mue.file"), (file, r) -> rows.add(new MueEdit(
                code(file, r, "code"), integer(file, r, "mue_units"),
                integer(file, r, "mue_adjudication_indicator"), r.get("rationale"))));
        return rows;
    }

    private static List<PtpEdit> readPtp(Properties manifest) {
        List<PtpEdit> rows = new ArrayList<>();
        read(manifest.getProperty("ptp.file"), (file, r) -> rows.add(new PtpEdit(
                code(file, r, "column1"), code(file, r, "column2"),
                integer(file, r, "modifier_indicator"), r.get("rationale"), EffectivePeriod.ALWAYS)));
        return rows;
    }

    private static List<MpfsIndicator> readMpfs(Properties manifest) {
        List<MpfsIndicator> rows = new ArrayList<>();
        read(manifest.getProperty("mpfs.file"), (file, r) -> rows.add(new MpfsIndicator(
                code(file, r, "code"), r.get("modifier"), r.get("status"), r.get("pc_tc_indicator"),
                r.get("global_days"), r.get("multiple_procedure_indicator"), r.get("bilateral_surgery_indicator"))));
        return rows;
    }

    private static Map<String, List<String>> readCodeSets(Properties manifest) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        read(manifest.getProperty("codesets.file"), (file, r) ->
                sets.computeIfAbsent(r.get("set"), k -> new ArrayList<>()).add(code(file, r, "code")));
        return sets;
    }

    private interface RowHandler {
        void accept(String file, CSVRecord row);
    }

    private static void read(String fileName, RowHandler handler) {
        String resource = BUNDLE + fileName;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (InputStream in = open(resource);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord row : parser) {
                try {
                    handler.accept(resource, row);
                } catch (IllegalArgumentException e) {
                    throw RulePackLoadException.at(resource, parser.getCurrentLineNumber(), e.getMessage());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RulePackLoadException(resource + ": " + e.getMessage(), e);
        }
    }

    private static String code(String file, CSVRecord row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return value.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static int integer(String file, CSVRecord row, String column) {
        String value = row.get(column);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("column " + column + " is not a whole number: '" + value + "'");
        }
    }

    private static Citation citation(Properties manifest, String table) {
        String url = manifest.getProperty(table + ".url");
        return new Citation(manifest.getProperty(table + ".title"), manifest.getProperty(table + ".version"),
                url == null || url.isBlank() ? null : url);
    }

    private static Properties readManifest() {
        Properties manifest = new Properties();
        try (InputStream in = open(BUNDLE + "rulepack.properties")) {
            manifest.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RulePackLoadException("rulepack/rulepack.properties: " + e.getMessage(), e);
        }
        return manifest;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = RulePackLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("not found on the classpath");
        }
        return in;
    }
}
