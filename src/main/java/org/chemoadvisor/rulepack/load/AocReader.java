package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.containsAll;
import static org.chemoadvisor.rulepack.load.Column.is;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.chemoadvisor.rulepack.AddOnEdit;

/**
 * NCCI add-on code edits. The CMS file (AOC_V*-MCR, .txt tab-delimited or .csv/.xlsx) has: Add-on
 * Code | AOC_DEL_DT | Primary Code | Primary Code DEL_DT | AOC Edit Type | AOC_EDIT_EFF_DT |
 * AOC_EDIT_DEL_DT | Special Instruction Notes. Some vintages suffix the date headers with
 * "(Julian)" and write YYYYDDD; others write YYYYMMDD; {@link CmsDates} reads both. Effective-date
 * columns for the add-on and the primary are not confirmed in any published layout; they are
 * read when present. Primary "CCCCC" (contractor-defined primaries) is kept as a code. The edit
 * applies from the latest effective date to the earliest deletion date.
 */
final class AocReader {

    static final Column ADD_ON = Column.required("add-on code", is("addoncode", "addon", "aoc", "aoccode"));
    static final Column PRIMARY = Column.required("primary code", is("primarycode", "primary"));
    static final Column EDIT_TYPE = Column.required("AOC edit type", containsAll("edittype").or(is("type")));
    static final Column ADD_ON_EFFECTIVE = Column.optional("add-on effective date", dated("aoceff", "addon", "eff"));
    static final Column ADD_ON_DELETION = Column.optional("add-on deletion date", dated("aocdel", "addon", "del"));
    static final Column PRIMARY_EFFECTIVE = Column.optional("primary effective date", dated("primaryeff", "primary", "eff"));
    static final Column PRIMARY_DELETION = Column.optional("primary deletion date", dated("primarycodedel", "primary", "del"));
    static final Column EDIT_EFFECTIVE = Column.optional("edit effective date", containsAll("editeff"));
    static final Column EDIT_DELETION = Column.optional("edit deletion date", containsAll("editdel"));
    private static final List<Column> COLUMNS = List.of(ADD_ON, PRIMARY, EDIT_TYPE, ADD_ON_EFFECTIVE,
            ADD_ON_DELETION, PRIMARY_EFFECTIVE, PRIMARY_DELETION, EDIT_EFFECTIVE, EDIT_DELETION);
    private static final Set<Integer> EDIT_TYPES = Set.of(1, 2, 3);

    private AocReader() {
    }

    static List<AddOnEdit> read(TableSource source, SharedValues shared) {
        List<AddOnEdit> edits = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> edits.add(new AddOnEdit(
                row.code(ADD_ON), row.code(PRIMARY), row.indicator(EDIT_TYPE, EDIT_TYPES),
                shared.period(
                        latest(row.date(ADD_ON_EFFECTIVE), row.date(PRIMARY_EFFECTIVE), row.date(EDIT_EFFECTIVE)),
                        earliest(row.date(ADD_ON_DELETION), row.date(PRIMARY_DELETION), row.date(EDIT_DELETION))))));
        return edits;
    }

    /** "AOC_DEL_DT"-style prefix, or a header naming both the subject and the kind of date. */
    private static Predicate<String> dated(String prefix, String subject, String kind) {
        return h -> h.startsWith(prefix) || (h.startsWith(subject) && h.contains(kind) && !h.contains("edit"));
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate result = null;
        for (LocalDate date : dates) {
            if (date != null && (result == null || date.isAfter(result))) {
                result = date;
            }
        }
        return result;
    }

    private static LocalDate earliest(LocalDate... dates) {
        LocalDate result = null;
        for (LocalDate date : dates) {
            if (date != null && (result == null || date.isBefore(result))) {
                result = date;
            }
        }
        return result;
    }
}
