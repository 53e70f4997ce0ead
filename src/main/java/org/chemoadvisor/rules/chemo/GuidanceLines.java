package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.PtpEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Severity;

/**
 * Small helpers shared by the guidance rules (CHEMO-10..15) and the general NCCI table rules
 * (CHEMO-20..23): finding lines by code set or code, summing units, naming problem keys.
 */
final class GuidanceLines {

    private GuidanceLines() {
    }

    /** The day's lines whose code is in the named code set, in line order. */
    // The helpers below are asked dozens of times per claim: indexed loops (no iterator to allocate), and no
    // list when nothing matches. The lists are the facts' own, random access.

    static List<ServiceLine> inSet(CodingFacts day, RulePack pack, String setName) {
        List<ServiceLine> found = null;
        List<ServiceLine> lines = day.lines();
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            if (pack.codeSets().contains(setName, line.code())) {
                found = found == null ? new ArrayList<>(2) : found;
                found.add(line);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    static boolean anyInSet(CodingFacts day, RulePack pack, String setName) {
        List<ServiceLine> lines = day.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (pack.codeSets().contains(setName, lines.get(i).code())) {
                return true;
            }
        }
        return false;
    }

    /** The day's lines carrying the code, in line order. */
    static List<ServiceLine> withCode(CodingFacts day, String code) {
        List<ServiceLine> found = null;
        List<ServiceLine> lines = day.lines();
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            if (line.code().equals(code)) {
                found = found == null ? new ArrayList<>(2) : found;
                found.add(line);
            }
        }
        return found == null ? List.of() : Collections.unmodifiableList(found);
    }

    /** Distinct codes of the lines, in order of first appearance. */
    static Set<String> codes(List<ServiceLine> lines) {
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            codes.add(lines.get(i).code());
        }
        return codes;
    }

    static int units(List<ServiceLine> lines) {
        int units = 0;
        for (int i = 0; i < lines.size(); i++) {
            units += lines.get(i).units();
        }
        return units;
    }

    /** True when the line carries any modifier of the named set. */
    static boolean hasModifierIn(ServiceLine line, RulePack pack, String setName) {
        List<String> modifiers = line.modifiers();
        for (int i = 0; i < modifiers.size(); i++) {
            if (pack.codeSets().contains(setName, modifiers.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The date of service of a group of lines: the first line that has one (null when none do). */
    static LocalDate dateOf(List<ServiceLine> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).date() != null) {
                return lines.get(i).date();
            }
        }
        return null;
    }

    static Severity severity(CodingFacts day, Severity medicare, Severity commercial) {
        return day.profile() == PolicyProfile.MEDICARE ? medicare : commercial;
    }

    static String aocKey(String addOn) {
        return "AOC:" + addOn;
    }

    static String mueKey(String code) {
        return "MUE:" + code;
    }

    /** "PTP:a+b" with the two codes sorted, whichever column each is in. */
    static String ptpKey(String one, String other) {
        return one.compareTo(other) <= 0 ? "PTP:" + one + "+" + other : "PTP:" + other + "+" + one;
    }

    static List<String> paths(List<ServiceLine> lines, Function<ServiceLine, String> path) {
        return lines.stream().map(path).toList();
    }

    static List<String> linePaths(List<ServiceLine> lines) {
        return paths(lines, l -> l.paths().line());
    }

    static List<FixAction> removeAll(List<ServiceLine> lines) {
        List<FixAction> actions = new ArrayList<>();
        lines.forEach(l -> actions.add(new FixAction.RemoveLine(l.index())));
        return actions;
    }

    /** Concatenation of line lists, without repeating a line, in line order. */
    @SafeVarargs
    static List<ServiceLine> union(List<ServiceLine>... groups) {
        Set<ServiceLine> all = new LinkedHashSet<>();
        for (List<ServiceLine> group : groups) {
            all.addAll(group);
        }
        return all.stream().sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
    }

    /**
     * Brings a code's units for the day down to {@code cap}: a single line gets its units set
     * (or is removed when the cap is 0); several lines need a person to choose which to trim.
     */
    static Fix reduceUnitsTo(List<ServiceLine> lines, int cap, String code) {
        if (lines.size() == 1) {
            ServiceLine line = lines.get(0);
            return cap <= 0
                    ? Fix.of("Remove the " + code + " line: it is not payable in any units",
                            new FixAction.RemoveLine(line.index()))
                    : Fix.of("Report " + code + " with " + cap + " unit" + (cap == 1 ? "" : "s"),
                            new FixAction.SetUnits(line.index(), cap));
        }
        return Fix.advice("Reduce " + code + " to " + cap + " unit" + (cap == 1 ? "" : "s")
                + " in total for the day, across its " + lines.size() + " lines");
    }

    /**
     * The NCCI pair edits in force between codes present on the day, each once (column 1 first),
     * in order of the codes' first appearance.
     */
    static List<PtpEdit> ptpEditsPresent(CodingFacts day, RulePack pack) {
        return PTP_EDITS_PRESENT.get(day, pack);
    }

    private static final DayMemo<List<PtpEdit>> PTP_EDITS_PRESENT = new DayMemo<>(GuidanceLines::findPtpEdits);

    private static List<PtpEdit> findPtpEdits(CodingFacts day, RulePack pack) {
        List<PtpEdit> edits = new ArrayList<>();
        Set<String> codes = codes(day.lines());
        // Per code, its first line with a date: a pair's date is that of the earlier of its two codes' lines
        // (what dateOf(union(...)) of their lines gives), without building line sets per pair.
        Map<String, ServiceLine> firstDated = new HashMap<>();
        for (ServiceLine line : day.lines()) {
            if (line.date() != null) {
                firstDated.merge(line.code(), line, (a, b) -> a.index() <= b.index() ? a : b);
            }
        }
        for (String column1 : codes) {
            for (String column2 : codes) {
                if (!column1.equals(column2)) {
                    LocalDate date = earlierDate(firstDated.get(column1), firstDated.get(column2));
                    pack.ptp().find(column1, column2, date).ifPresent(edits::add);
                }
            }
        }
        return List.copyOf(edits);
    }

    private static LocalDate earlierDate(ServiceLine one, ServiceLine other) {
        if (one == null || other == null) {
            return one == null ? (other == null ? null : other.date()) : one.date();
        }
        return one.index() <= other.index() ? one.date() : other.date();
    }
}
