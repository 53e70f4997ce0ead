package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;

/**
 * Applies a fix's actions to coding facts the way a user accepting the suggestion would, and
 * renumbers the resulting lines as Claim items. Refuses edits that do not fit the lines (an unknown
 * line, a modifier that is not there, units below one), so a sloppy fix fails the test.
 */
final class FixApplier {

    private FixApplier() {
    }

    static CodingFacts apply(CodingFacts facts, Fix fix) {
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        facts.lines().forEach(line -> drafts.put(line.index(), new Draft(line)));
        List<Draft> added = new ArrayList<>();
        for (FixAction action : fix.actions()) {
            if (action instanceof FixAction.AddLine add) {
                added.add(Draft.added(add, add.modelLine() == null ? null : existing(drafts, add.modelLine())));
            } else {
                applyToLine(drafts, action);
            }
        }
        List<Draft> all = new ArrayList<>(drafts.values());
        all.addAll(added);
        List<ServiceLine> lines = new ArrayList<>();
        for (Draft draft : all) {
            if (!draft.removed) {
                lines.add(draft.toLine(lines.size()));
            }
        }
        return facts.withLines(lines);
    }

    private static void applyToLine(Map<Integer, Draft> drafts, FixAction action) {
        if (action instanceof FixAction.RemoveModifier remove) {
            Draft draft = existing(drafts, remove.line());
            if (!draft.modifiers.remove(remove.modifier())) {
                throw new IllegalArgumentException("line " + remove.line() + " has no modifier " + remove.modifier());
            }
        } else if (action instanceof FixAction.AddModifier addModifier) {
            existing(drafts, addModifier.line()).modifiers.add(addModifier.modifier());
        } else if (action instanceof FixAction.ChangeCode change) {
            existing(drafts, change.line()).code = change.newCode();
        } else if (action instanceof FixAction.SetUnits set) {
            if (set.units() < 1) {
                throw new IllegalArgumentException("units below 1: " + set);
            }
            existing(drafts, set.line()).units = set.units();
        } else if (action instanceof FixAction.RemoveLine remove) {
            existing(drafts, remove.line()).removed = true;
        } else if (action instanceof FixAction.LinkDiagnosis link) {
            existing(drafts, link.line()).diagnoses.add(link.valueSet());
        } else {
            throw new IllegalArgumentException("unexpected action " + action);
        }
    }

    private static Draft existing(Map<Integer, Draft> drafts, int index) {
        Draft draft = drafts.get(index);
        if (draft == null || draft.removed) {
            throw new IllegalArgumentException("no line " + index);
        }
        return draft;
    }

    private static final class Draft {
        private String code;
        private final List<String> modifiers;
        private int units;
        private final ServiceLine model;
        private final List<String> diagnoses;
        private final Region limb;
        private boolean removed;

        private Draft(ServiceLine line) {
            this.code = line.code();
            this.modifiers = new ArrayList<>(line.modifiers());
            this.units = line.units();
            this.model = line;
            this.diagnoses = new ArrayList<>(line.diagnosisCodes());
            this.limb = line.limb();
        }

        private Draft(FixAction.AddLine add, ServiceLine model) {
            this.code = add.code();
            this.modifiers = new ArrayList<>(add.modifiers());
            this.units = add.units();
            this.model = model;
            this.diagnoses = new ArrayList<>(model == null ? List.of() : model.diagnosisCodes());
            this.limb = null;
        }

        static Draft added(FixAction.AddLine add, Draft model) {
            if (add.units() < 1) {
                throw new IllegalArgumentException("units below 1: " + add);
            }
            return new Draft(add, model == null ? null : model.model);
        }

        ServiceLine toLine(int index) {
            return new ServiceLine(index, code, modifiers, units, model == null ? null : model.date(),
                    model == null ? null : model.placeOfService(), diagnoses, limb, SourcePaths.claimItem(index));
        }
    }
}
