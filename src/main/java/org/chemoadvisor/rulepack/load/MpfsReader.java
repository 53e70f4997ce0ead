package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.containsAll;
import static org.chemoadvisor.rulepack.load.Column.is;
import static org.chemoadvisor.rulepack.load.Column.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.rulepack.MpfsIndicator;

/**
 * Medicare physician fee schedule indicators. The CMS PPRRVU file (PPRRVUyy_*.csv / .xlsx) opens
 * with title and copyright lines, then a header naming HCPCS, MOD, DESCRIPTION, STATUS CODE, ...,
 * PCTC IND, GLOB DAYS, ..., MULT PROC, BILAT SURG, ... Whether the CSV splits two-word headers over
 * two lines ("STATUS" over "CODE") was not confirmed; both the one-line and the two-line forms
 * are read. The bundled table has code, modifier, status, pc_tc_indicator, global_days,
 * multiple_procedure_indicator, bilateral_surgery_indicator.
 */
final class MpfsReader {

    static final Column CODE = Column.required("HCPCS code", is("code", "hcpcs", "hcpcscode", "hcpcscptcode"));
    static final Column MODIFIER = Column.optional("modifier", is("mod", "modifier"));
    static final Column STATUS = Column.required("status code", startsWith("status"));
    static final Column PC_TC = Column.optional("PC/TC indicator", containsAll("pctc"));
    static final Column GLOBAL_DAYS = Column.optional("global days", containsAll("glob"));
    static final Column MULTIPLE_PROCEDURE = Column.optional("multiple procedure indicator", containsAll("mult", "proc"));
    static final Column BILATERAL = Column.required("bilateral surgery indicator", containsAll("bilat"));
    private static final List<Column> COLUMNS = List.of(CODE, MODIFIER, STATUS, PC_TC, GLOBAL_DAYS,
            MULTIPLE_PROCEDURE, BILATERAL);
    private static final Set<Integer> BILATERAL_INDICATORS = Set.of(0, 1, 2, 3, 9);

    private MpfsReader() {
    }

    static List<MpfsIndicator> read(TableSource source, SharedValues shared) {
        List<MpfsIndicator> rows = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> {
            int bilateral = row.indicator(BILATERAL, BILATERAL_INDICATORS);
            if (row.text(STATUS).isEmpty()) {
                throw row.error(STATUS, "is empty");
            }
            rows.add(new MpfsIndicator(row.code(CODE), row.sharedText(MODIFIER), row.sharedText(STATUS),
                    row.sharedText(PC_TC), row.sharedText(GLOBAL_DAYS), row.sharedText(MULTIPLE_PROCEDURE),
                    String.valueOf(bilateral)));
        });
        return rows;
    }
}
