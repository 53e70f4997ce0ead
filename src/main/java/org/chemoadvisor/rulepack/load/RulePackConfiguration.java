package org.chemoadvisor.rulepack.load;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.rulepack.RulePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rule pack once at start-up; a bad table stops start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulePackProperties.class)
class RulePackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RulePackConfiguration.class);

    @Bean
    RulePack rulePack(RulePackProperties settings) {
        long started = System.nanoTime();
        RulePack pack = RulePackLoader.load(settings);
        log.info("Rule pack loaded in {} ms: AOC {} ({} rows), MUE {} ({} codes), PTP {} ({} rows), MPFS {} ({} codes),"
                        + " {} code sets, {} of them from ValueSets",
                (System.nanoTime() - started) / 1_000_000,
                pack.addOns().citation().version(), pack.addOns().size(),
                pack.mue().citation().version(), pack.mue().size(),
                pack.ptp().citation().version(), pack.ptp().size(),
                pack.mpfs().citation().version(), pack.mpfs().size(),
                pack.codeSets().names().size(), pack.codeSets().setCitations().size());
        reportAge(settings, pack, LocalDate.now(Clock.systemUTC()));
        return pack;
    }

    /** The effective date of each CMS table, and a warning for each older than the current quarter. */
    static List<String> reportAge(RulePackProperties settings, RulePack pack, LocalDate today) {
        List<TableAge> tables = List.of(
                new TableAge(pack.addOns().citation().table(), "chemo.rulepack.aoc", pack.addOns().citation().version(),
                        !settings.aoc().isSet()),
                new TableAge(pack.mue().citation().table(), "chemo.rulepack.mue", pack.mue().citation().version(),
                        !settings.mue().isSet()),
                new TableAge(pack.ptp().citation().table(), "chemo.rulepack.ptp", pack.ptp().citation().version(),
                        !settings.ptp().isSet()),
                new TableAge(pack.mpfs().citation().table(), "chemo.rulepack.mpfs", pack.mpfs().citation().version(),
                        !settings.mpfs().isSet()));
        List<String> warnings = new ArrayList<>();
        for (TableAge table : tables) {
            log.info("CMS table in use: {}", table.describe());
            table.staleWarning(today).ifPresent(warning -> {
                warnings.add(warning);
                log.warn(warning);
            });
        }
        return warnings;
    }
}
