package org.chemoadvisor.bulk;

import java.util.List;
import java.util.Map;

/**
 * What a bulk review's report says: the totals, the findings by rule and by month of service, and the
 * claims it lists in full (at most {@link ReviewReport#CLAIMS_LISTED}, errors first; {@code notListed} more
 * had findings). The one-machine command and the Spark job each fill one.
 */
public record ReviewSummary(long claims, long claimsWithErrors, long unreadable, Map<String, Long> findingsByRule,
        Map<String, Long> findingsByMonth, List<Listed> listed, long notListed) {

    /** A claim with findings as the report lists it (its outcome's text is not kept). */
    public record Listed(String id, String identifier, String dateOfService, boolean error,
            List<ReportedFinding> findings) {
    }

    public ReviewSummary {
        findingsByRule = Map.copyOf(findingsByRule);
        findingsByMonth = Map.copyOf(findingsByMonth);
        listed = List.copyOf(listed);
    }
}
