package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chemoadvisor.rulepack.Muscle;
import org.chemoadvisor.rulepack.MuscleRegion;

/**
 * The muscle table (muscles.csv: muscle_id, name, region, segment, snomed_code, synonyms,
 * code_source). A SNOMED CT code without the source it was taken from stops loading: an
 * unverifiable code must be left out, and the muscle matched by name.
 */
final class MusclesReader {

    static final Column ID = Column.required("muscle_id", is("muscleid", "id"));
    static final Column NAME = Column.required("name", is("name"));
    static final Column REGION = Column.required("region", is("region"));
    static final Column SEGMENT = Column.optional("segment", is("segment"));
    static final Column SNOMED = Column.optional("snomed_code", is("snomedcode", "snomed"));
    static final Column SYNONYMS = Column.optional("synonyms", is("synonyms"));
    static final Column SOURCE = Column.optional("code_source", is("codesource"));
    private static final List<Column> COLUMNS = List.of(ID, NAME, REGION, SEGMENT, SNOMED, SYNONYMS, SOURCE);

    private MusclesReader() {
    }

    static List<Muscle> read(TableSource source, SharedValues shared) {
        List<Muscle> muscles = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> muscles.add(muscle(row)));
        return muscles;
    }

    private static Muscle muscle(Row row) {
        String id = row.text(ID);
        String name = row.text(NAME);
        if (id.isEmpty()) {
            throw row.error(ID, "is empty");
        }
        if (name.isEmpty()) {
            throw row.error(NAME, "is empty");
        }
        MuscleRegion region;
        try {
            region = MuscleRegion.parse(row.text(REGION));
        } catch (IllegalArgumentException e) {
            throw row.error(REGION, e.getMessage());
        }
        String snomed = blankToNull(row.text(SNOMED));
        String codeSource = blankToNull(row.text(SOURCE));
        if (snomed != null && !snomed.matches("\\d{6,18}")) {
            throw row.error(SNOMED, "'" + snomed + "' is not a SNOMED CT concept id");
        }
        if (snomed != null && codeSource == null) {
            throw row.error(SOURCE, "is empty: a SNOMED CT code needs the source it was verified in");
        }
        List<String> synonyms = Arrays.stream(row.text(SYNONYMS).split(";")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        return new Muscle(id, name, region, blankToNull(row.text(SEGMENT)), snomed, synonyms, codeSource);
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
