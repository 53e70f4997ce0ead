package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
            Optional<ServiceLine> line = day.lines().stream()
                    .filter(l -> l.date() != null && pack.codeSets().contains(region, l.code())).findFirst();
            if (line.isEmpty()) {
                continue;
            }
            LocalDate date = line.get().date();
            day.otherDays().stream()
                    .filter(service -> pack.codeSets().contains(region, service.code()))
                    .filter(service -> service.date().isBefore(date)
                            && ChronoUnit.DAYS.between(service.date(), date) < minimumDays)
                    .max(Comparator.comparing(OtherDayService::date))
                    .ifPresent(earlier -> findings.add(finding(pack, region, line.get(), earlier, minimumDays)));
        }
        return findings;
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
