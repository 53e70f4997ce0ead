package org.chemoadvisor.rules;

import java.util.List;

/**
 * A structured remedy: a sentence for people and the edits that carry it out.
 *
 * @param label    imperative sentence, e.g. "Remove modifier 50 from 64644"
 * @param actions  edits applied together; empty when the fix needs a human decision
 * @param fromDocumentation  true when the edits bring the lines to what the documentation supports
 *                 (CHEMO-05): where each line is a documented Procedure, lines may then be added or
 *                 removed as Procedures, not only recoded
 */
public record Fix(String label, List<FixAction> actions, boolean fromDocumentation) {

    public Fix {
        actions = List.copyOf(actions);
    }

    public Fix(String label, List<FixAction> actions) {
        this(label, actions, false);
    }

    /** A fix whose edits make the lines match the documented muscles. */
    public static Fix fromDocumentation(String label, List<FixAction> actions) {
        return new Fix(label, actions, true);
    }

    public static Fix of(String label, FixAction... actions) {
        return new Fix(label, List.of(actions));
    }

    public static Fix advice(String label) {
        return new Fix(label, List.of());
    }
}
