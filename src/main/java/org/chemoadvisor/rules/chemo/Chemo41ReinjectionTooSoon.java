package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.OtherDayService;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-41: chemodenervation of a treatment region sooner after the last one than the payer's
 * interval (by default 84 days, 12 weeks; per payer a setting). The regions are code sets named
 * {@code treatment-region-*}; the earlier injection comes from another date of the same claim or
 * from the patient's record. A payer policy, not a CMS edit: always a warning.
 */
public final class Chemo41ReinjectionTooSoon implements Rule {

    public static final String ID = "CHEMO-41";

    static final String REGION_SET_PREFIX = "treatment-region-";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        if (day.otherDays().isEmpty()) {
            return List.of();
        }
        int minimumDays = Integer.parseInt(pack.codeSets().single(CodeSets.REINJECTION_MINIMUM_DAYS));
        List<Finding> findings = new ArrayList<>();
        for (String region : pack.codeSets().namesStartingWith(REGION_SET_PREFIX)) {
            ServiceLine line = firstDatedIn(day.lines(), pack.codeSets(), region);
            if (line == null) {
                continue;
            }
            OtherDayService earlier = latestTooSoon(day.otherDays(), pack.codeSets(), region, line.date(), minimumDays);
            if (earlier != null) {
                findings.add(finding(pack, region, line, earlier, minimumDays));
            }
        }
        return findings;
    }

    // Loops, not streams: asked per region of every day that has other days (most claims in a look-back).
    private static ServiceLine firstDatedIn(List<ServiceLine> lines, CodeSets sets, String region) {
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            if (line.date() != null && sets.contains(region, line.code())) {
                return line;
            }
        }
        return null;
    }

    /** The latest service of the region fewer than {@code minimumDays} before the date (the first of equals). */
    private static OtherDayService latestTooSoon(List<OtherDayService> others, CodeSets sets, String region,
            LocalDate date, int minimumDays) {
        OtherDayService latest = null;
        for (int i = 0; i < others.size(); i++) {
            OtherDayService service = others.get(i);
            if (sets.contains(region, service.code()) && service.date().isBefore(date)
                    && ChronoUnit.DAYS.between(service.date(), date) < minimumDays
                    && (latest == null || service.date().isAfter(latest.date()))) {
                latest = service;
            }
        }
        return latest;
    }

    private static Finding finding(RulePack pack, String region, ServiceLine line, OtherDayService earlier,
            int minimumDays) {
        String name = region.substring(REGION_SET_PREFIX.length());
        long days = ChronoUnit.DAYS.between(earlier.date(), line.date());
        LocalDate earliest = earlier.date().plusDays(minimumDays);
        return LimbFinding.of(ID)
                .severity(Severity.WARNING)
                .summary(line.code() + " treats the " + name + " " + days + " days after " + earlier.code() + " ("
                        + earlier.date() + "): sooner than the payer's " + minimumDays + "-day interval")
                .paragraph("What", line.code() + " on " + line.date() + " treats the " + name + " again " + days
                        + " days after " + earlier.code() + " on " + earlier.date() + " ("
                        + (earlier.sameClaim() ? "on this claim" : "from the patient's record") + ", "
                        + earlier.path() + ").")
                .paragraph("Why", "Payers' botulinum toxin policies commonly allow chemodenervation of one "
                        + "treatment region no more often than every 12 weeks; for this payer the interval is set to "
                        + minimumDays + " days. This is a payer policy setting, not a CMS edit: an earlier "
                        + "injection is paid only under the policy's exceptions, with the reason documented.")
                .cite(pack.codeSets().citation(CodeSets.REINJECTION_MINIMUM_DAYS))
                .at(line.paths().code())
                .key("REINJECTION:" + name)
                .fix(Fix.advice("Check the payer's policy: document why the " + name + " needed treatment before "
                        + earliest + ", or schedule it on or after that date"))
                .build();
    }
}
