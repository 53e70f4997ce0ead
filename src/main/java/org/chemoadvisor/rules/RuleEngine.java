package org.chemoadvisor.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;

/**
 * Runs the rules over each date of service and applies "one problem, one finding": rules are
 * given in precedence order (specific before general) and a finding is dropped when an earlier
 * finding already named one of its problem keys.
 */
public final class RuleEngine {

    private final List<Rule> rules;
    private final RulePack pack;

    public RuleEngine(List<Rule> rulesInPrecedenceOrder, RulePack pack) {
        this.rules = List.copyOf(rulesInPrecedenceOrder);
        this.pack = pack;
    }

    public RulePack pack() {
        return pack;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> evaluate(CodingFacts facts) {
        return evaluate(facts, pack);
    }

    /**
     * Evaluates with another pack of the same tables, e.g. with a payer's own supporting-diagnosis
     * set: the caller chose it for this request.
     */
    public List<Finding> evaluate(CodingFacts facts, RulePack requestPack) {
        List<Finding> all = new ArrayList<>();
        for (CodingFacts day : byDateOfService(facts)) {
            all.addAll(evaluateDay(day, requestPack));
        }
        return all;
    }

    private List<Finding> evaluateDay(CodingFacts day, RulePack pack) {
        List<Finding> kept = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Rule rule : rules) {
            List<Finding> found = rule.evaluate(day, pack);
            // Most rules find nothing on most days: nothing to allocate for them.
            if (found.isEmpty()) {
                continue;
            }
            int firstOfRule = kept.size();
            for (Finding finding : found) {
                if (!anyClaimed(finding, claimed)) {
                    kept.add(finding);
                }
            }
            // Keys are claimed after the whole rule ran: one rule may report two facets of a key.
            for (int i = firstOfRule; i < kept.size(); i++) {
                claimed.addAll(kept.get(i).problemKeys());
            }
        }
        return kept;
    }

    private static boolean anyClaimed(Finding finding, Set<String> claimed) {
        for (String key : finding.problemKeys()) {
            if (claimed.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Splits the lines by date of service; lines without a date belong with every day. Each day
     * counts only the muscles documented on that day. A muscle without a date counts when the facts
     * have a single date of service; with several dates, or when its date has no line, it cannot be
     * placed in time and is handed (once, on the first day) to the rules as {@code undatedMuscles}.
     */
    static List<CodingFacts> byDateOfService(CodingFacts facts) {
        Map<LocalDate, List<ServiceLine>> groups = new LinkedHashMap<>();
        List<ServiceLine> undated = new ArrayList<>();
        for (ServiceLine line : inLineOrder(facts.lines())) {
            if (line.date() == null) {
                undated.add(line);
            } else {
                groups.computeIfAbsent(line.date(), d -> new ArrayList<>()).add(line);
            }
        }
        if (groups.isEmpty()) {
            // No line says when: nothing to separate the muscles by either.
            return List.of(facts.withLines(undated));
        }
        boolean singleDay = groups.size() == 1;
        List<DocumentedMuscle> unplacedInTime = new ArrayList<>();
        for (DocumentedMuscle muscle : facts.documentedMuscles()) {
            if (muscle.date() == null ? !singleDay : !groups.containsKey(muscle.date())) {
                unplacedInTime.add(muscle);
            }
        }
        List<CodingFacts> days = new ArrayList<>(groups.size());
        groups.forEach((date, lines) -> {
            List<ServiceLine> withUndated = lines;
            if (!undated.isEmpty()) {
                withUndated = new ArrayList<>(lines);
                withUndated.addAll(undated);
                withUndated.sort(Comparator.comparingInt(ServiceLine::index));
            }
            List<DocumentedMuscle> muscles = new ArrayList<>();
            for (DocumentedMuscle muscle : facts.documentedMuscles()) {
                if (date.equals(muscle.date()) || (muscle.date() == null && singleDay)) {
                    muscles.add(muscle);
                }
            }
            List<ServiceLine> otherDays = new ArrayList<>();
            groups.forEach((other, otherLines) -> {
                if (!other.equals(date)) {
                    otherDays.addAll(otherLines);
                }
            });
            days.add(facts.forDay(withUndated, muscles, days.isEmpty() ? unplacedInTime : List.of(), otherDays));
        });
        return days;
    }

    /** The lines by index: as the adapters give them, mostly, so a copy is sorted only when they are not. */
    private static List<ServiceLine> inLineOrder(List<ServiceLine> lines) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).index() > lines.get(i).index()) {
                List<ServiceLine> sorted = new ArrayList<>(lines);
                sorted.sort(Comparator.comparingInt(ServiceLine::index));
                return sorted;
            }
        }
        return lines;
    }
}
