package org.chemoadvisor.rules.chemo;

import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;

/**
 * How advice names what was done with a code: the same rules run on orders, documented
 * procedures and claims, and "64645 is billed" on an order misleads the clinician reading it.
 */
final class Reported {

    private Reported() {
    }

    /** "ordered" when any line is an order, "coded" for documented procedures, else "billed". */
    static String verb(CodingFacts day) {
        if (day.lines().stream().anyMatch(l -> kind(l) == SourcePaths.Kind.ORDER)) {
            return "ordered";
        }
        if (!day.lines().isEmpty() && day.lines().stream().allMatch(l -> kind(l) == SourcePaths.Kind.PROCEDURE)) {
            return "coded";
        }
        return "billed";
    }

    private static SourcePaths.Kind kind(ServiceLine line) {
        return line.paths().kind();
    }
}
