package org.chemoadvisor.rules;

import java.util.List;
import org.chemoadvisor.rules.chemo.Chemo01AddOnWithoutPrimary;
import org.chemoadvisor.rules.chemo.Chemo02AddOn1To4WithoutPrimary;
import org.chemoadvisor.rules.chemo.Chemo03MoreThanOnePrimaryLimb;
import org.chemoadvisor.rules.chemo.Chemo04MoreThanFourLimbs;
import org.chemoadvisor.rules.chemo.Chemo06BilateralModifier;
import org.chemoadvisor.rules.chemo.Chemo07TrunkCodesTogether;

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
                new Chemo01AddOnWithoutPrimary(),
                new Chemo02AddOn1To4WithoutPrimary(),
                new Chemo03MoreThanOnePrimaryLimb(),
                new Chemo04MoreThanFourLimbs(),
                new Chemo06BilateralModifier(),
                new Chemo07TrunkCodesTogether()
                // general table rules (CHEMO-20 .. CHEMO-23) go here, in ID order
        );
    }
}
