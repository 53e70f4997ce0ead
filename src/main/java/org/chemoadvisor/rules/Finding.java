package org.chemoadvisor.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule found.
 *
 * @param ruleId       stable rule ID from RULES.md, e.g. "CHEMO-06"
 * @param severity     severity under the profile evaluated
 * @param summary      one line, at most 140 characters (the card summary)
 * @param detail       Markdown: what is wrong and why
 * @param citations    the tables or policies it rests on, with versions
 * @param locations    FHIRPath expressions of the offending elements
 * @param fix          the remedy, or null
 * @param problemKeys  names of the underlying problem (e.g. "AOC:64645", "PTP:64642+64644",
 *                     "MUE:64645"); the engine keeps one finding per problem
 */
public record Finding(
        String ruleId,
        Severity severity,
        String summary,
        String detail,
        List<Citation> citations,
        List<String> locations,
        Fix fix,
        Set<String> problemKeys) {

    public static final int MAX_SUMMARY = 140;

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        if (summary.length() > MAX_SUMMARY) {
            throw new IllegalArgumentException(ruleId + " summary longer than " + MAX_SUMMARY + ": " + summary);
        }
        citations = List.copyOf(citations == null ? List.of() : citations);
        locations = List.copyOf(locations == null ? List.of() : locations);
        problemKeys = Set.copyOf(problemKeys == null ? Set.of() : problemKeys);
    }
}
