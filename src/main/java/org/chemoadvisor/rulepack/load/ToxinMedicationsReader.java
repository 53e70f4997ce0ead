package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.rulepack.ToxinMedications;

/**
 * Botulinum toxin medication names (toxin-medications.csv: name, hcpcs, drug_units_per_billing_unit, source). Every row names
 * its source; the J-code must be in the toxin code set (checked by the loader once both are read).
 */
final class ToxinMedicationsReader {

    static final Column NAME = Column.required("name", is("name"));
    static final Column HCPCS = Column.required("hcpcs", is("hcpcs"));
    static final Column PER_BILLING_UNIT = Column.required("drug_units_per_billing_unit",
            is("drugunitsperbillingunit"));
    static final Column SOURCE = Column.required("source", is("source"));
    private static final List<Column> COLUMNS = List.of(NAME, HCPCS, PER_BILLING_UNIT, SOURCE);

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
            int perBillingUnit = row.integer(PER_BILLING_UNIT);
            if (perBillingUnit < 1) {
                throw row.error(PER_BILLING_UNIT, "must be at least 1");
            }
            entries.add(new ToxinMedications.Entry(name, row.code(HCPCS), perBillingUnit, row.text(SOURCE)));
        });
        return entries;
    }
}
