package org.chemoadvisor.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A service on another date than the day being checked, for the rules that look across days
 * (global periods, re-injection intervals): a line of the same claim or order set on another date,
 * or an earlier procedure from the patient's record (a Procedure sent with the Claim, a prefetched
 * Procedure, another claim of the same patient in a bulk review).
 *
 * @param code       CPT/HCPCS code
 * @param date       date of service or performance
 * @param modifiers  its modifiers (none for a documented Procedure)
 * @param path       FHIRPath of the service in the request (for the finding's location and text)
 * @param sameClaim  true for a line of the facts being checked, false for one from the record
 */
public record OtherDayService(String code, LocalDate date, List<String> modifiers, String path, boolean sameClaim) {

    public OtherDayService {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(date, "date");
        modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
    }

    /** An earlier procedure from the patient's record. */
    public static OtherDayService fromRecord(String code, LocalDate date, String path) {
        return new OtherDayService(code, date, List.of(), path, false);
    }

    static OtherDayService of(ServiceLine line) {
        return new OtherDayService(line.code(), line.date(), line.modifiers(), line.paths().code(), true);
    }
}
