package org.chemoadvisor.rules;

import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.rulepack.RulePack;

/**
 * One coding rule. Plain Java over the facts model: no Spring, no HAPI, no I/O.
 * The engine calls it once per date of service, with only that day's lines.
 */
public interface Rule {

    /** The rule ID from RULES.md. */
    String id();

    List<Finding> evaluate(CodingFacts day, RulePack pack);
}
