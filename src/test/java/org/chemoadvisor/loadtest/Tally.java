package org.chemoadvisor.loadtest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts of outcomes per endpoint (or hostile request kind), with the details behind them (status codes, exceptions). */
final class Tally {

    private final Map<String, EnumMap<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, TreeMap<String, Integer>> details = new LinkedHashMap<>();

    /** Fixes the order rows are printed in (rows not declared come after, in the order first seen). */
    synchronized void declare(String row) {
        counts.computeIfAbsent(row, r -> new EnumMap<>(Outcome.class));
        details.computeIfAbsent(row, r -> new TreeMap<>());
    }

    synchronized void add(String row, Outcome outcome, String detail) {
        declare(row);
        counts.get(row).merge(outcome, 1, Integer::sum);
        details.get(row).merge(detail, 1, Integer::sum);
    }

    synchronized int count(Outcome outcome) {
        return counts.values().stream().mapToInt(c -> c.getOrDefault(outcome, 0)).sum();
    }

    synchronized int count(String row, Outcome outcome) {
        EnumMap<Outcome, Integer> row0 = counts.get(row);
        return row0 == null ? 0 : row0.getOrDefault(outcome, 0);
    }

    synchronized int total(String row) {
        EnumMap<Outcome, Integer> row0 = counts.get(row);
        return row0 == null ? 0 : row0.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows with a 5xx, and how many each. */
    synchronized Map<String, Integer> rowsWith(Outcome outcome) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        counts.forEach((row, c) -> {
            if (c.getOrDefault(outcome, 0) > 0) {
                rows.put(row, c.get(outcome));
            }
        });
        return rows;
    }

    synchronized String details(String row) {
        return details.getOrDefault(row, new TreeMap<>()).entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** One Markdown table: requests, then a column per outcome, then the details (rows with no requests left out). */
    synchronized List<String> table(String firstColumn) {
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder("| ").append(firstColumn).append(" | requests |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (Outcome outcome : Outcome.values()) {
            header.append(' ').append(outcome.label).append(" |");
            rule.append("---|");
        }
        lines.add(header.append(" details |").toString());
        lines.add(rule.append("---|").toString());
        counts.forEach((row, c) -> {
            if (total(row) == 0) {
                return;
            }
            StringBuilder line = new StringBuilder("| ").append(row).append(" | ").append(total(row)).append(" |");
            for (Outcome outcome : Outcome.values()) {
                line.append(' ').append(c.getOrDefault(outcome, 0)).append(" |");
            }
            lines.add(line.append(' ').append(details(row)).append(" |").toString());
        });
        return lines;
    }
}
