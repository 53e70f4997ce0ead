package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.containsAll;
import static org.chemoadvisor.rulepack.load.Column.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.rulepack.PtpEdit;

/**
 * NCCI procedure-to-procedure edits. CMS practitioner files (ccipra-v*-f1..f4.txt, tab-delimited)
 * carry: Column 1 | Column 2 | *=in existence prior to 1996 | Effective Date | Deletion Date
 * (*=no data) | Modifier (0=not allowed, 1=allowed, 9=not applicable) | PTP Edit Rationale, dates
 * as YYYYMMDD, the header spread over several lines under a copyright line. The bundled trimmed
 * table has column1, column2, modifier_indicator, rationale and no dates (always in force).
 * A deletion date is taken as the last date of service the edit applies to.
 */
final class PtpReader {

    static final Column COLUMN_1 = Column.required("column 1 code", startsWith("column1"));
    static final Column COLUMN_2 = Column.required("column 2 code", startsWith("column2"));
    static final Column MODIFIER = Column.required("modifier indicator", containsAll("modifier"));
    static final Column EFFECTIVE = Column.optional("effective date", containsAll("effective"));
    static final Column DELETION = Column.optional("deletion date", containsAll("deletion"));
    static final Column RATIONALE = Column.optional("rationale", containsAll("rationale"));
    private static final List<Column> COLUMNS = List.of(COLUMN_1, COLUMN_2, MODIFIER, EFFECTIVE, DELETION, RATIONALE);
    private static final Set<Integer> MODIFIER_INDICATORS = Set.of(0, 1, 9);

    private PtpReader() {
    }

    static List<PtpEdit> read(TableSource source, SharedValues shared) {
        List<PtpEdit> edits = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> edits.add(new PtpEdit(
                row.code(COLUMN_1), row.code(COLUMN_2), row.indicator(MODIFIER, MODIFIER_INDICATORS),
                row.sharedText(RATIONALE), shared.period(row.date(EFFECTIVE), row.date(DELETION)))));
        return edits;
    }
}
