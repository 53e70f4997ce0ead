package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.rulepack.ToxinMedications;

/**
 * Botulinum toxin medication names (toxin-medications.csv: name, hcpcs, source). Every row names
 * its source; the J-code must be in the toxin code set (checked by the loader once both are read).
 */
final class ToxinMedicationsReader {

    static final Column NAME = Column.required("name", is("name"));
    static final Column HCPCS = Column.required("hcpcs", is("hcpcs"));
    static final Column SOURCE = Column.required("source", is("source"));
    private static final List<Column> COLUMNS = List.of(NAME, HCPCS, SOURCE);

    private ToxinMedicationsReader() {
    }

    static List<ToxinMedications.Entry> read(TableSource source, SharedValues shared) {
        List<ToxinMedications.Entry> entries = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> {
            String name = row.text(NAME);
            if (name.length() < 4) {
                throw row.error(NAME, "'" + name + "' is too short to recognise a medication by");
            }
            if (row.text(SOURCE).isEmpty()) {
                throw row.error(SOURCE, "is empty: every name needs the source that ties it to its J-code");
            }
            entries.add(new ToxinMedications.Entry(name, row.code(HCPCS), row.text(SOURCE)));
        });
        return entries;
    }
}
