package org.chemoadvisor.cdshooks.cards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Severity;

/**
 * One problem, one card: findings of the same rule whose fixes edit the same lines (each line is
 * one resource, e.g. many offending modifiers on one ServiceRequest) are one problem, shown on one
 * card whose suggestion makes all their edits at once. A finding whose fix edits no line is merged
 * only with findings of its rule that say exactly the same.
 */
public final class FindingGroups {

    /** Distinct texts (details, fix labels) a merged card quotes before it only counts the rest. */
    static final int QUOTED = 3;

    private FindingGroups() {
    }

    /** The findings grouped per rule and edited lines, in the order each group first appears. */
    public static List<List<Finding>> group(List<Finding> findings) {
        Map<Object, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            Set<Integer> lines = editedLines(finding.fix());
            Object key = lines.isEmpty()
                    ? List.of(finding.ruleId(), finding.summary(), Objects.toString(finding.detail()),
                            finding.fix() == null ? "" : finding.fix().label())
                    : List.of(finding.ruleId(), lines);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        return new ArrayList<>(groups.values());
    }

    /** The lines a fix edits or models a new line on, in index order. */
    public static Set<Integer> editedLines(Fix fix) {
        Set<Integer> lines = new TreeSet<>();
        if (fix != null) {
            for (FixAction action : fix.actions()) {
                Integer line = lineOf(action);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The line an action edits (for a new line: the line it is modelled on, or null). */
    public static Integer lineOf(FixAction action) {
        if (action instanceof FixAction.RemoveModifier a) {
            return a.line();
        } else if (action instanceof FixAction.AddModifier a) {
            return a.line();
        } else if (action instanceof FixAction.ChangeCode a) {
            return a.line();
        } else if (action instanceof FixAction.SetUnits a) {
            return a.line();
        } else if (action instanceof FixAction.RemoveLine a) {
            return a.line();
        } else if (action instanceof FixAction.AddLine a) {
            return a.modelLine();
        } else if (action instanceof FixAction.LinkDiagnosis a) {
            return a.line();
        }
        return null;
    }

    /**
     * The findings of one group as one finding: the most severe severity, the distinct texts (the
     * first few quoted, the rest counted), and a fix making every distinct edit once. Null fix when
     * the edits contradict each other (see {@link #combinable}); the renderer then offers the
     * findings' fixes as alternatives.
     */
    static Finding merge(List<Finding> group) {
        if (group.size() == 1) {
            return group.get(0);
        }
        Finding first = group.get(0);
        List<String> summaries = distinct(group.stream().map(Finding::summary).toList());
        List<String> details = distinct(group.stream().map(Finding::detail).filter(Objects::nonNull)
                .map(String::strip).toList());
        Set<Citation> citations = new LinkedHashSet<>();
        Set<String> locations = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Finding finding : group) {
            citations.addAll(finding.citations());
            locations.addAll(finding.locations());
            keys.addAll(finding.problemKeys());
        }
        List<Fix> fixes = fixes(group);
        Fix fix = combinable(fixes) ? combined(fixes) : null;
        StringBuilder detail = new StringBuilder();
        details.stream().limit(QUOTED).forEach(text -> paragraph(detail, text));
        int unquoted = details.size() - Math.min(QUOTED, details.size());
        paragraph(detail, "**Repeated:** this rule found " + group.size() + " problems of this kind here, shown on "
                + "one card" + (unquoted > 0 ? " (" + unquoted + " more " + (unquoted == 1 ? "description" : "descriptions")
                        + " not repeated)" : "")
                + (fix != null && !fix.actions().isEmpty() ? ". One fix covers them all."
                        : fixes.size() > 1 ? ". Their fixes cannot all be made together: choose one." : "."));
        String summary = summaries.size() == 1 ? first.summary()
                : withSuffix(first.summary(), " (+" + (summaries.size() - 1) + " more)");
        return new Finding(first.ruleId(), mostSevere(group), summary, detail.toString(), new ArrayList<>(citations),
                new ArrayList<>(locations), fix, keys);
    }

    /** The distinct fixes of a group, in order. */
    static List<Fix> fixes(List<Finding> group) {
        Set<Fix> fixes = new LinkedHashSet<>();
        group.stream().map(Finding::fix).filter(Objects::nonNull).forEach(fixes::add);
        return new ArrayList<>(fixes);
    }

    /**
     * True when the fixes can be made together: no line gets two different codes or unit counts,
     * and no modifier is both added and removed.
     */
    static boolean combinable(List<Fix> fixes) {
        Map<Integer, String> codes = new HashMap<>();
        Map<Integer, Integer> units = new HashMap<>();
        Set<String> added = new LinkedHashSet<>();
        Set<String> removed = new LinkedHashSet<>();
        for (Fix fix : fixes) {
            for (FixAction action : fix.actions()) {
                if (action instanceof FixAction.ChangeCode c) {
                    String before = codes.putIfAbsent(c.line(), c.newCode());
                    if (before != null && !before.equals(c.newCode())) {
                        return false;
                    }
                } else if (action instanceof FixAction.SetUnits u) {
                    Integer before = units.putIfAbsent(u.line(), u.units());
                    if (before != null && before != u.units()) {
                        return false;
                    }
                } else if (action instanceof FixAction.AddModifier a) {
                    added.add(a.line() + "|" + a.modifier());
                } else if (action instanceof FixAction.RemoveModifier r) {
                    removed.add(r.line() + "|" + r.modifier());
                }
            }
        }
        added.retainAll(removed);
        return added.isEmpty();
    }

    /** One fix making every distinct edit of the fixes once; its label quotes the first few labels. */
    static Fix combined(List<Fix> fixes) {
        if (fixes.isEmpty()) {
            return null;
        }
        if (fixes.size() == 1) {
            return fixes.get(0);
        }
        Set<FixAction> actions = new LinkedHashSet<>();
        boolean fromDocumentation = false;
        for (Fix fix : fixes) {
            actions.addAll(fix.actions());
            fromDocumentation |= fix.fromDocumentation();
        }
        return new Fix(labels(fixes), new ArrayList<>(actions), fromDocumentation);
    }

    /** The distinct labels, the first few quoted and the rest counted. */
    static String labels(List<Fix> fixes) {
        return quoted(fixes.stream().map(Fix::label).toList());
    }

    /** The distinct texts joined, the first few quoted and the rest counted. */
    static String quoted(List<String> texts) {
        List<String> labels = distinct(texts);
        String quoted = String.join("; ", labels.subList(0, Math.min(QUOTED, labels.size())));
        int more = labels.size() - Math.min(QUOTED, labels.size());
        return more == 0 ? quoted : quoted + "; and " + more + " more of the same kind";
    }

    static Severity mostSevere(List<Finding> group) {
        return group.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static String withSuffix(String summary, String suffix) {
        int room = Finding.MAX_SUMMARY - 1 - suffix.length();
        return (summary.length() <= room ? summary : summary.substring(0, room - 1) + "\u2026") + suffix;
    }

    private static void paragraph(StringBuilder detail, String text) {
        if (detail.length() > 0) {
            detail.append("\n\n");
        }
        detail.append(text);
    }
}
