package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.AddOnEdit;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.FixAction;

/** Line selection, unit counting, locations and common edits shared by the limb and trunk rules. */
final class LimbLines {

    private LimbLines() {
    }

    static List<ServiceLine> withCode(CodingFacts day, String code) {
        return GuidanceLines.withCode(day, code);
    }

    static boolean anyWithCodeIn(CodingFacts day, Collection<String> codes) {
        List<ServiceLine> lines = day.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (codes.contains(lines.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    /** "64644 x 2, 64642 x 1": the units billed of an upper and a lower tier code, those present. */
    static String tally(String upperCode, List<ServiceLine> upper, String lowerCode, List<ServiceLine> lower) {
        List<String> parts = new ArrayList<>();
        if (!upper.isEmpty()) {
            parts.add(upperCode + " x " + units(upper));
        }
        if (!lower.isEmpty()) {
            parts.add(lowerCode + " x " + units(lower));
        }
        return String.join(", ", parts);
    }

    static int units(List<ServiceLine> lines) {
        return GuidanceLines.units(lines);
    }

    /** The day's date of service (null when the lines carry none), for date-bound table look-ups. */
    static LocalDate dateOf(List<ServiceLine> lines) {
        return GuidanceLines.dateOf(lines);
    }

    static List<String> codePaths(List<ServiceLine> lines) {
        return lines.stream().map(line -> line.paths().code()).toList();
    }

    static List<String> unitPaths(List<ServiceLine> lines) {
        return lines.stream().map(line -> line.paths().units()).toList();
    }

    static Optional<MueEdit> mue(RulePack pack, String code) {
        return pack.mue().find(code);
    }

    static boolean aboveMue(RulePack pack, String code, int units) {
        return mue(pack, code).map(edit -> units > edit.maxUnits()).orElse(false);
    }

    /** " (add-on edit type 1)" as the AOC table gives it, or nothing when the add-on is not listed. */
    static String editTypePhrase(RulePack pack, String addOn) {
        return pack.addOns().editsFor(addOn).stream().map(AddOnEdit::editType).findFirst()
                .map(type -> " (add-on edit type " + type + ")").orElse("");
    }

    /** "64642 or 64644": the codes in sorted order, so messages do not depend on set iteration. */
    static String joined(Set<String> codes, String conjunction) {
        List<String> list = List.copyOf(new TreeSet<>(codes));
        if (list.size() <= 1) {
            return String.join("", list);
        }
        String last = list.get(list.size() - 1);
        return String.join(", ", list.subList(0, list.size() - 1)) + " " + conjunction + " " + last;
    }

    /**
     * One unit of the line becomes {@code newCode}: the whole line when it has one unit, else the
     * line gives up a unit to a new line modelled on it.
     */
    static List<FixAction> moveOneUnit(ServiceLine line, String newCode) {
        if (line.units() <= 1) {
            return List.of(new FixAction.ChangeCode(line.index(), newCode));
        }
        return List.of(new FixAction.SetUnits(line.index(), line.units() - 1),
                new FixAction.AddLine(newCode, 1, List.of(), line.index()));
    }

    /** A sentence for {@link #moveOneUnit}: what happens to the line. */
    static String moveOneUnitLabel(ServiceLine line, String newCode) {
        if (line.units() <= 1) {
            return "change " + line.code() + " to " + newCode;
        }
        return "report one unit of " + line.code() + " as " + newCode + " (" + line.code() + " to "
                + (line.units() - 1) + " units)";
    }

    /** Units per code over the lines, in the order the codes first appear. */
    static java.util.Map<String, Integer> unitsByCode(List<ServiceLine> lines) {
        java.util.Map<String, Integer> units = new java.util.LinkedHashMap<>();
        lines.forEach(line -> units.merge(line.code(), line.units(), Integer::sum));
        return units;
    }
}
