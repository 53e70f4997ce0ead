package org.chemoadvisor.rulepack.load;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How old a CMS table is against the calendar quarter: CMS publishes the NCCI edits and the fee
 * schedule indicators quarterly, so a table whose version dates before the current quarter is
 * probably stale. The version is read as its effective date: {@code 2024-07-01}, {@code 2024-07}
 * or {@code 2024Q3} (quarter start).
 */
record TableAge(String table, String settingPrefix, String version, boolean bundled) {

    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})(?:-(\\d{2}))?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*-?\\s*Q([1-4])", Pattern.CASE_INSENSITIVE);

    Optional<LocalDate> effective() {
        String value = version == null ? "" : version.trim();
        Matcher date = DATE.matcher(value);
        if (date.lookingAt()) {
            int day = date.group(3) == null ? 1 : Integer.parseInt(date.group(3));
            return Optional.of(LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)), day));
        }
        Matcher quarter = QUARTER.matcher(value);
        if (quarter.lookingAt()) {
            return Optional.of(LocalDate.of(Integer.parseInt(quarter.group(1)),
                    (Integer.parseInt(quarter.group(2)) - 1) * 3 + 1, 1));
        }
        return Optional.empty();
    }

    static LocalDate quarterStart(LocalDate today) {
        return LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
    }

    /** The warning to log, when the table is older than the quarter {@code today} is in. */
    Optional<String> staleWarning(LocalDate today) {
        LocalDate quarter = quarterStart(today);
        return effective().filter(date -> date.isBefore(quarter)).map(date -> table + " version " + version
                + (bundled ? " (the copy bundled in the jar)" : "") + " is older than the current quarter ("
                + quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1) + ", from " + quarter
                + "): CMS publishes it quarterly. Point " + settingPrefix + ".file and " + settingPrefix
                + ".version at the current file.");
    }

    String describe() {
        return table + " " + version + effective().map(date -> " (effective " + date + ")").orElse(" (effective date not in the version)")
                + (bundled ? ", bundled" : ", from " + settingPrefix + ".file");
    }
}
