package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.is;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chemoadvisor.rulepack.EffectivePeriod;
import org.chemoadvisor.rulepack.Icd10CmPeriod;

/**
 * ICD-10-CM validity periods (icd10cm-validity.csv: code, valid_from, valid_to, billable,
 * replaced_by, note, source). Every row names its source; a category must name what replaces it.
 */
final class Icd10CmValidityReader {

    static final Column CODE = Column.required("code", is("code"));
    static final Column FROM = Column.required("valid_from", is("validfrom"));
    static final Column TO = Column.required("valid_to", is("validto"));
    static final Column BILLABLE = Column.required("billable", is("billable"));
    static final Column REPLACED_BY = Column.required("replaced_by", is("replacedby"));
    static final Column NOTE = Column.optional("note", is("note"));
    static final Column SOURCE = Column.required("source", is("source"));
    private static final List<Column> COLUMNS = List.of(CODE, FROM, TO, BILLABLE, REPLACED_BY, NOTE, SOURCE);

    private Icd10CmValidityReader() {
    }

    static List<Icd10CmPeriod> read(TableSource source, SharedValues shared) {
        List<Icd10CmPeriod> periods = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> {
            boolean billable = yesOrNo(row);
            List<String> replacedBy = row.text(REPLACED_BY).isEmpty() ? List.of()
                    : Arrays.stream(row.text(REPLACED_BY).split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (!billable && replacedBy.isEmpty()) {
                throw row.error(REPLACED_BY, "is empty: a category must name the codes to report instead");
            }
            if (row.text(SOURCE).isEmpty()) {
                throw row.error(SOURCE, "is empty: every period needs the code table it rests on");
            }
            LocalDate from = row.date(FROM);
            LocalDate to = row.date(TO);
            if (from != null && to != null && to.isBefore(from)) {
                throw row.error(TO, to + " is before valid_from " + from);
            }
            periods.add(new Icd10CmPeriod(row.code(CODE), new EffectivePeriod(from, to), billable, replacedBy,
                    row.sharedText(NOTE), row.sharedText(SOURCE)));
        });
        return periods;
    }

    private static boolean yesOrNo(Row row) {
        return switch (row.text(BILLABLE).toLowerCase(java.util.Locale.ROOT)) {
            case "yes", "y", "true" -> true;
            case "no", "n", "false" -> false;
            default -> throw row.error(BILLABLE, "'" + row.text(BILLABLE) + "' is not yes or no");
        };
    }
}
