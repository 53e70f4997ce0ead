package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.DiagnosisSite;

/**
 * Chemodenervation sites and their diagnosis sets (diagnosis-sites.csv: site, label, procedures,
 * supporting, with_spasm, spasm, source). Every set a row names must be a loaded code set, and no
 * procedure code may belong to two sites.
 */
final class DiagnosisSitesReader {

    static final Column SITE = Column.required("site", is("site"));
    static final Column LABEL = Column.required("label", is("label"));
    static final Column PROCEDURES = Column.required("procedures", is("procedures"));
    static final Column SUPPORTING = Column.required("supporting", is("supporting"));
    static final Column WITH_SPASM = Column.required("with_spasm", is("withspasm"));
    static final Column SPASM = Column.required("spasm", is("spasm"));
    static final Column SOURCE = Column.required("source", is("source"));
    private static final List<Column> COLUMNS = List.of(SITE, LABEL, PROCEDURES, SUPPORTING, WITH_SPASM, SPASM, SOURCE);

    private DiagnosisSitesReader() {
    }

    static List<DiagnosisSite> read(TableSource source, SharedValues shared, CodeSets sets) {
        List<DiagnosisSite> sites = new ArrayList<>();
        List<String> procedureCodes = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> {
            String procedures = set(row, PROCEDURES, sets, true);
            for (String code : sets.codes(procedures)) {
                if (procedureCodes.contains(code)) {
                    throw row.error(PROCEDURES, code + " already belongs to another site");
                }
                procedureCodes.add(code);
            }
            String withSpasm = set(row, WITH_SPASM, sets, false);
            String spasm = set(row, SPASM, sets, false);
            if ((withSpasm == null) != (spasm == null)) {
                throw row.error(SPASM, "with_spasm and spasm are both set or both blank");
            }
            if (row.text(SOURCE).isEmpty() || row.text(LABEL).isEmpty()) {
                throw row.error(row.text(SOURCE).isEmpty() ? SOURCE : LABEL, "is empty");
            }
            sites.add(new DiagnosisSite(row.text(SITE), row.text(LABEL), procedures, set(row, SUPPORTING, sets, true),
                    withSpasm, spasm, row.text(SOURCE)));
        });
        return sites;
    }

    private static String set(Row row, Column column, CodeSets sets, boolean required) {
        String name = row.text(column);
        if (name.isEmpty()) {
            if (required) {
                throw row.error(column, "is empty");
            }
            return null;
        }
        if (!sets.has(name)) {
            throw row.error(column, "names no code set: '" + name + "' (code-sets.csv or a ValueSet in rulepack.properties)");
        }
        return name;
    }
}
