package org.chemoadvisor.rules.chemo;

import java.util.function.BiFunction;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.rulepack.RulePack;

/**
 * The last answer a helper computed on this thread, for one day's facts and pack: several rules
 * ask the same question of the same day in a row (the NCCI pairs present, the diagnosis verdicts
 * per site), and the engine evaluates a day's rules one after another on one thread. Facts and
 * packs are immutable, so their identity is the key; the answer must be immutable too.
 */
final class DayMemo<T> {

    private record Last<T>(CodingFacts day, RulePack pack, T value) {
    }

    private final ThreadLocal<Last<T>> last = new ThreadLocal<>();
    private final BiFunction<CodingFacts, RulePack, T> compute;

    DayMemo(BiFunction<CodingFacts, RulePack, T> compute) {
        this.compute = compute;
    }

    T get(CodingFacts day, RulePack pack) {
        Last<T> known = last.get();
        if (known != null && known.day() == day && known.pack() == pack) {
            return known.value();
        }
        T value = compute.apply(day, pack);
        last.set(new Last<>(day, pack, value));
        return value;
    }
}
