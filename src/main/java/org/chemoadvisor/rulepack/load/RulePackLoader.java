package org.chemoadvisor.rulepack.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.chemoadvisor.rulepack.AddOnEdits;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.DiagnosisSites;
import org.chemoadvisor.rulepack.Icd10CmValidity;
import org.chemoadvisor.rulepack.MpfsIndicators;
import org.chemoadvisor.rulepack.MueTable;
import org.chemoadvisor.rulepack.MuscleTable;
import org.chemoadvisor.rulepack.PtpTable;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.ToxinMedications;
import org.chemoadvisor.rules.Citation;

/**
 * Builds the rule pack: each CMS table from the files the settings name, else from the trimmed
 * copy bundled in the jar ({@code classpath:rulepack/}, listed in rulepack.properties); the code
 * sets always from the bundle: the terminology sets from the FHIR ValueSets the manifest names
 * ({@code valueset.<set>=<file>}, in {@code classpath:fhir-resources/}), the others (places of
 * service, modifiers, policy dates...) from code-sets.csv. Every table is checked as it is read; a
 * bad row stops loading with the file, line and column in the message.
 */
public final class RulePackLoader {

    private static final String BUNDLE = "rulepack/";
    /** Where the ValueSets of fhir-resources/ are packaged in the jar (pom.xml resources). */
    static final String VALUE_SETS = "fhir-resources/";
    private static final String VALUE_SET_KEY = "valueset.";

    private RulePackLoader() {
    }

    public static RulePack loadBundled() {
        return load(RulePackProperties.bundled());
    }

    public static RulePack load(RulePackProperties settings) {
        return load(settings, file -> TableSource.classpath(VALUE_SETS + file));
    }

    /** @param valueSets where each ValueSet file the manifest names is read from */
    static RulePack load(RulePackProperties settings, Function<String, TableSource> valueSets) {
        Properties manifest = readManifest();
        SharedValues shared = new SharedValues();
        TableChoice aoc = choose(manifest, "aoc", settings.aoc());
        TableChoice mue = choose(manifest, "mue", settings.mue());
        TableChoice ptp = choose(manifest, "ptp", settings.ptp());
        TableChoice mpfs = choose(manifest, "mpfs", settings.mpfs());
        TableChoice codeSets = choose(manifest, "codesets", RulePackProperties.TableOverride.NONE);
        TableChoice muscles = choose(manifest, "muscles", RulePackProperties.TableOverride.NONE);
        TableChoice toxinNames = choose(manifest, "toxinmedications", RulePackProperties.TableOverride.NONE);
        TableChoice sites = choose(manifest, "diagnosissites", RulePackProperties.TableOverride.NONE);
        TableChoice icd10cm = choose(manifest, "icd10cm", RulePackProperties.TableOverride.NONE);
        CodeSets sets = codeSets(manifest, codeSets, valueSets, shared);
        return new RulePack(
                new AddOnEdits(aoc.readAll(AocReader::read, shared), aoc.citation()),
                new MueTable(mue.readAll(MueReader::read, shared), mue.citation()),
                new PtpTable(ptp.readAll(PtpReader::read, shared), ptp.citation()),
                new MpfsIndicators(mpfs.readAll(MpfsReader::read, shared), mpfs.citation()),
                sets,
                muscleTable(muscles, shared),
                toxinMedications(toxinNames, sets, shared),
                new DiagnosisSites(DiagnosisSitesReader.read(sites.sources().get(0), shared, sets), sites.citation()),
                new Icd10CmValidity(icd10cm.readAll(Icd10CmValidityReader::read, shared), icd10cm.citation()));
    }

    private static ToxinMedications toxinMedications(TableChoice choice, CodeSets sets, SharedValues shared) {
        TableSource source = choice.sources().get(0);
        List<ToxinMedications.Entry> entries = ToxinMedicationsReader.read(source, shared);
        for (ToxinMedications.Entry entry : entries) {
            if (!sets.contains(CodeSets.TOXIN, entry.hcpcs())) {
                throw new RulePackLoadException(source.name() + ": " + entry.name() + " -> " + entry.hcpcs()
                        + ": the J-code is not in the toxin code set (" + sets.citation(CodeSets.TOXIN) + ")");
            }
        }
        return new ToxinMedications(entries, choice.citation());
    }

    private static CodeSets codeSets(Properties manifest, TableChoice table, Function<String, TableSource> valueSets,
            SharedValues shared) {
        TableSource csv = table.sources().get(0);
        Map<String, List<String>> sets = new LinkedHashMap<>(CodeSetsReader.read(csv, shared));
        Map<String, Citation> citations = new HashMap<>();
        for (String key : new TreeSet<>(manifest.stringPropertyNames())) {
            if (!key.startsWith(VALUE_SET_KEY)) {
                continue;
            }
            String set = key.substring(VALUE_SET_KEY.length());
            TableSource source = valueSets.apply(manifest.getProperty(key).trim());
            if (sets.containsKey(set)) {
                throw new RulePackLoadException(csv.name() + ": code set '" + set + "' is read from the ValueSet "
                        + source.name() + "; remove its rows from the table");
            }
            ValueSetReader.Content content = ValueSetReader.read(source.name(), source.opener()::open);
            sets.put(set, List.copyOf(content.codes()));
            citations.put(set, content.citation());
        }
        CodeSetsReader.requireEveryNamedSet(csv.name() + " and the ValueSets in " + BUNDLE + "rulepack.properties",
                sets);
        return new CodeSets(sets, table.citation(), citations);
    }

    private static MuscleTable muscleTable(TableChoice choice, SharedValues shared) {
        TableSource source = choice.sources().get(0);
        try {
            return new MuscleTable(MusclesReader.read(source, shared), choice.citation());
        } catch (IllegalArgumentException e) {
            throw new RulePackLoadException(source.name() + ": " + e.getMessage(), e);
        }
    }

    /** The sources of one table and the citation its findings quote. */
    record TableChoice(List<TableSource> sources, Citation citation) {

        <T> List<T> readAll(BiFunction<TableSource, SharedValues, List<T>> reader, SharedValues shared) {
            if (sources.size() == 1) {
                return reader.apply(sources.get(0), shared);
            }
            List<T> rows = new ArrayList<>();
            sources.forEach(source -> rows.addAll(reader.apply(source, shared)));
            return rows;
        }
    }

    static TableChoice choose(Properties manifest, String table, RulePackProperties.TableOverride override) {
        String url = manifest.getProperty(table + ".url");
        url = url == null || url.isBlank() ? null : url;
        String title = manifest.getProperty(table + ".title");
        if (!override.isSet()) {
            return new TableChoice(List.of(TableSource.classpath(BUNDLE + manifest.getProperty(table + ".file"))),
                    new Citation(title, manifest.getProperty(table + ".version"), url));
        }
        if (override.version() == null || override.version().isBlank()) {
            throw new RulePackLoadException("chemo.rulepack." + table + ".version must be set when chemo.rulepack."
                    + table + ".file is set (" + String.join(", ", override.file())
                    + "): every finding quotes the table version");
        }
        List<TableSource> sources = override.file().stream().map(f -> TableSource.file(Path.of(f))).toList();
        String ownTitle = override.title() == null || override.title().isBlank() ? title : override.title();
        return new TableChoice(sources, new Citation(ownTitle, override.version().trim(), url));
    }

    private static Properties readManifest() {
        Properties manifest = new Properties();
        try (InputStream in = TableSource.classpath(BUNDLE + "rulepack.properties").opener().open()) {
            manifest.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RulePackLoadException(BUNDLE + "rulepack.properties: " + e.getMessage(), e);
        }
        return manifest;
    }
}
