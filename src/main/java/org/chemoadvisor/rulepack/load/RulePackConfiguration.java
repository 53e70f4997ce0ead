package org.chemoadvisor.rulepack.load;

import org.chemoadvisor.rulepack.RulePack;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rule pack once at start-up; a bad table stops start-up. */
@Configuration(proxyBeanMethods = false)
class RulePackConfiguration {

    @Bean
    RulePack rulePack() {
        return RulePackLoader.loadBundled();
    }
}
