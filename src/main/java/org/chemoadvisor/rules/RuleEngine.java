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
            List<Finding> keptFromRule = new ArrayList<>();
            for (Finding finding : found) {
                if (finding.problemKeys().stream().noneMatch(claimed::contains)) {
                    keptFromRule.add(finding);
                }
            }
            // Keys are claimed after the whole rule ran: one rule may report two facets of a key.
            keptFromRule.forEach(f -> claimed.addAll(f.problemKeys()));
            kept.addAll(keptFromRule);
        }
        return kept;
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
        facts.lines().stream()
                .sorted(Comparator.comparingInt(ServiceLine::index))
                .forEach(line -> {
                    if (line.date() == null) {
                        undated.add(line);
                    } else {
                        groups.computeIfAbsent(line.date(), d -> new ArrayList<>()).add(line);
                    }
                });
        if (groups.isEmpty()) {
            // No line says when: nothing to separate the muscles by either.
            return List.of(facts.withLines(undated));
        }
        boolean singleDay = groups.size() == 1;
        List<DocumentedMuscle> unplacedInTime = facts.documentedMuscles().stream()
                .filter(m -> m.date() == null ? !singleDay : !groups.containsKey(m.date())).toList();
        List<CodingFacts> days = new ArrayList<>();
        groups.forEach((date, lines) -> {
            List<ServiceLine> withUndated = new ArrayList<>(lines);
            withUndated.addAll(undated);
            withUndated.sort(Comparator.comparingInt(ServiceLine::index));
            List<DocumentedMuscle> muscles = facts.documentedMuscles().stream()
                    .filter(m -> date.equals(m.date()) || (m.date() == null && singleDay)).toList();
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
}
