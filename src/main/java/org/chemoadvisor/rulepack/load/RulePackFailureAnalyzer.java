package org.chemoadvisor.rulepack.load;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a bad table: print the file, line and column, not a bean-creation stack. */
class RulePackFailureAnalyzer extends AbstractFailureAnalyzer<RulePackLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RulePackLoadException cause) {
        return new FailureAnalysis("The rule pack could not be loaded: " + cause.getMessage(),
                "Correct the table, or point the chemo.rulepack.<aoc|mue|ptp|mpfs>.file setting at a table in"
                        + " the CMS published layout (unset it to use the bundled table).", cause);
    }
}
