package org.chemoadvisor.rules;

import java.util.List;
import org.chemoadvisor.facts.Region;

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

    /**
     * @param regions when the units come from documentation: the body region each unit stands for, in
     *                order (so a renderer that holds one unit per resource knows which muscles a new one
     *                documents); empty otherwise
     */
    record SetUnits(int line, int units, List<Region> regions) implements FixAction {
        public SetUnits {
            regions = List.copyOf(regions == null ? List.of() : regions);
        }

        public SetUnits(int line, int units) {
            this(line, units, List.of());
        }
    }

    record RemoveLine(int line) implements FixAction {
    }

    /**
     * A new line, modelled on an existing one (date, place of service, diagnoses) when given;
     * {@code regions} as for {@link SetUnits}.
     */
    record AddLine(String code, int units, List<String> modifiers, Integer modelLine, List<Region> regions)
            implements FixAction {
        public AddLine {
            modifiers = List.copyOf(modifiers == null ? List.of() : modifiers);
            regions = List.copyOf(regions == null ? List.of() : regions);
        }

        public AddLine(String code, int units, List<String> modifiers, Integer modelLine) {
            this(code, units, modifiers, modelLine, List.of());
        }
    }

    /** Link a diagnosis (by code, from the given value set) to the line. */
    record LinkDiagnosis(int line, String valueSet) implements FixAction {
    }
}
