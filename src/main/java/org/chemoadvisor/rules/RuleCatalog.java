package org.chemoadvisor.rules;

import java.util.List;

/**
 * All rules, in precedence order: specific rules (CHEMO-01 to 15) before the general table
 * rules (CHEMO-20 to 23), so that one problem gets one finding.
 */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<Rule> inPrecedenceOrder() {
        return List.of(
                // specific rules (CHEMO-01 .. CHEMO-15) go here, in ID order
                // general table rules (CHEMO-20 .. CHEMO-23) go here, in ID order
        );
    }
}
