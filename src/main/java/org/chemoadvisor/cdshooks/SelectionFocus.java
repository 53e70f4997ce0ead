package org.chemoadvisor.cdshooks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.cards.FindingGroups;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.FixAction;

/**
 * For order-select: keeps the findings that touch a selected order. A finding touches the lines
 * its fix edits and the lines whose codes its problem keys name ("AOC:64645",
 * "PTP:64642+64644"); a finding that names no line is kept, since it cannot be placed.
 */
final class SelectionFocus {

    private SelectionFocus() {
    }

    static List<Finding> focus(List<Finding> findings, AdaptedLines lines, Set<String> selections) {
        return findings.stream().filter(finding -> {
            Set<Integer> touched = touchedLines(finding, lines);
            return touched.isEmpty() || touched.stream()
                    .anyMatch(index -> selections.contains(lines.lines().get(index).paths().resource()));
        }).toList();
    }

    static Set<Integer> touchedLines(Finding finding, AdaptedLines lines) {
        Set<Integer> touched = new HashSet<>();
        if (finding.fix() != null) {
            for (FixAction action : finding.fix().actions()) {
                Integer line = FindingGroups.lineOf(action);
                if (line != null && line >= 0 && line < lines.lines().size()) {
                    touched.add(line);
                }
            }
        }
        Set<String> codes = new HashSet<>();
        for (String key : finding.problemKeys()) {
            int colon = key.indexOf(':');
            if (colon >= 0) {
                codes.addAll(List.of(key.substring(colon + 1).split("\\+")));
            }
        }
        for (ServiceLine line : lines.lines()) {
            if (codes.contains(line.code())) {
                touched.add(line.index());
            }
        }
        return touched;
    }
}
