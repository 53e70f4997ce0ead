package org.chemoadvisor.rules;

import java.util.List;

/**
 * A structured remedy: a sentence for people and the edits that carry it out.
 *
 * @param label    imperative sentence, e.g. "Remove modifier 50 from 64644"
 * @param actions  edits applied together; empty when the fix needs a human decision
 */
public record Fix(String label, List<FixAction> actions) {

    public Fix {
        actions = List.copyOf(actions);
    }

    public static Fix of(String label, FixAction... actions) {
        return new Fix(label, List.of(actions));
    }

    public static Fix advice(String label) {
        return new Fix(label, List.of());
    }
}
