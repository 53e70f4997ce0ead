package org.chemoadvisor.rules;

import org.chemoadvisor.rulepack.RulePack;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring wiring of the engine; the rules themselves know nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleEngine ruleEngine(RulePack rulePack) {
        return new RuleEngine(RuleCatalog.inPrecedenceOrder(), rulePack);
    }
}
