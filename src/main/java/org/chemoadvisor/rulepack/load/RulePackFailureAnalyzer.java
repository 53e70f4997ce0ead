package org.chemoadvisor.rulepack.load;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Start-up stopped by a bad table or ValueSet: print the file, line and column (or the ValueSet
 * element), not a bean-creation stack.
 */
class RulePackFailureAnalyzer extends AbstractFailureAnalyzer<RulePackLoadException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RulePackLoadException cause) {
        return new FailureAnalysis("The rule pack could not be loaded: " + cause.getMessage(),
                "Correct the table, or point the chemo.rulepack.<aoc|mue|ptp|mpfs>.file setting at a table in"
                        + " the CMS published layout (unset it to use the bundled table). For a ValueSet: correct"
                        + " the file (FHIR R4 JSON; codes in compose.include.concept, ICD-10-CM categories as a"
                        + " 'concept is-a' filter) or the chemo.policy.supporting-diagnoses setting that names it.",
                cause);
    }
}
