package org.chemoadvisor.rulepack.load;

import static org.chemoadvisor.rulepack.load.Column.containsAll;
import static org.chemoadvisor.rulepack.load.Column.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.rulepack.MueEdit;

/**
 * NCCI medically unlikely edits. The CMS practitioner file (MCR_MUE_PractitionerServices_Eff_*.csv)
 * has a copyright line, then: HCPCS/CPT Code | Practitioner Services MUE Values | MUE Adjudication
 * Indicator | MUE Rationale, the indicator written as text ("2 Date of Service Edit: Policy",
 * "3 Date of Service Edit: Clinical", "1 Line Edit"). The bundled table has code, mue_units,
 * mue_adjudication_indicator (a digit) and rationale.
 */
final class MueReader {

    static final Column CODE = Column.required("HCPCS/CPT code",
            is("code", "hcpcs", "hcpcscode", "hcpcscptcode", "cpthcpcscode", "hcpcscpt"));
    static final Column UNITS = Column.required("MUE value",
            h -> h.contains("mue") && (h.contains("value") || h.contains("unit")));
    static final Column INDICATOR = Column.required("MUE adjudication indicator",
            containsAll("adjudication").or(is("mai")));
    static final Column RATIONALE = Column.optional("MUE rationale", containsAll("rationale"));
    private static final List<Column> COLUMNS = List.of(CODE, UNITS, INDICATOR, RATIONALE);
    private static final Set<Integer> INDICATORS = Set.of(1, 2, 3);

    private MueReader() {
    }

    static List<MueEdit> read(TableSource source, SharedValues shared) {
        List<MueEdit> edits = new ArrayList<>();
        TableReader.read(source, COLUMNS, shared, row -> edits.add(new MueEdit(
                row.code(CODE), row.integer(UNITS), indicator(row), row.sharedText(RATIONALE))));
        return edits;
    }

    /** "2", "2 Date of Service Edit: Policy", or the text alone ("Line Edit"). */
    private static int indicator(Row row) {
        String text = row.text(INDICATOR);
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < 10) {
            return row.checkIndicator(INDICATOR, Integer.parseInt(text.substring(0, digits)), INDICATORS);
        }
        String words = Column.normalize(text);
        if (words.equals("lineedit")) {
            return 1;
        }
        if (words.startsWith("dateofserviceedit") && words.endsWith("policy")) {
            return 2;
        }
        if (words.startsWith("dateofserviceedit") && words.endsWith("clinical")) {
            return 3;
        }
        throw row.error(INDICATOR, "unknown indicator value '" + text
                + "' (expected 1, 2 or 3, or the CMS text such as '2 Date of Service Edit: Policy')");
    }
}
