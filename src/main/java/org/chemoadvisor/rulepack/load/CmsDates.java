package org.chemoadvisor.rulepack.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dates as the CMS tables write them. PTP files use YYYYMMDD and "*" for "no deletion"; the AOC
 * file has used YYYYMMDD and, in some vintages, Julian YYYYDDD ("AOC_DEL_DT (Julian)"); tables
 * re-saved from Excel may carry ISO or M/D/YYYY dates. Parsed dates are shared per load: a full
 * PTP file repeats a few hundred distinct dates over a million rows.
 */
final class CmsDates {

    /** Values that mean "no date": the edit is open-ended. 9999... is a sentinel some exports use. */
    private static final Set<String> OPEN = Set.of("", "*", "9999", "9999999", "99999999", "99991231");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu");

    private final Map<String, LocalDate> parsed = new HashMap<>();

    /** The date, or null for an open end; IllegalArgumentException for anything unreadable. */
    LocalDate parse(String raw) {
        String value = raw == null ? "" : raw.trim();
        if (OPEN.contains(value)) {
            return null;
        }
        LocalDate date = parsed.get(value);
        if (date == null) {
            date = parseNew(value);
            parsed.put(value, date);
        }
        return date;
    }

    private static LocalDate parseNew(String value) {
        try {
            if (value.matches("\\d{8}")) {
                return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
            }
            if (value.matches("\\d{7}")) {
                return LocalDate.ofYearDay(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4)));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(value, US);
            }
        } catch (DateTimeException e) {
            // fall through to the common message
        }
        throw new IllegalArgumentException("'" + value + "' is not a date (expected YYYYMMDD, YYYYDDD, YYYY-MM-DD,"
                + " M/D/YYYY, or * / blank for none)");
    }
}
