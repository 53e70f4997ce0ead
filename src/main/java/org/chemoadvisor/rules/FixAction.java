package org.chemoadvisor.rules;

import java.util.List;

/**
 * One edit to the service lines. Lines are named by {@code ServiceLine.index()}. Renderers turn
 * these into CDS Hooks suggestion actions or OperationOutcome text; rules never build either.
 */
public sealed interface FixAction {

    record RemoveModifier(int line, String modifier) implements FixAction {
    }

    record AddModifier(int line, String modifier) implements FixAction {
    }

    record ChangeCode(int line, String newCode) implements FixAction {
    }

    record SetUnits(int line, int units) implements FixAction {
    }

    record RemoveLine(int line) implements FixAction {
    }

    /** A new line, modelled on an existing one (date, place of service, diagnoses) when given. */
    record AddLine(String code, int units, List<String> modifiers, Integer modelLine) implements FixAction {
        public AddLine {
            modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
        }
    }

    /** Link a diagnosis (by code, from the given value set) to the line. */
    record LinkDiagnosis(int line, String valueSet) implements FixAction {
    }
}
