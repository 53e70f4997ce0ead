package org.chemoadvisor.rulepack.load;

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
        return pack;
    }
}
