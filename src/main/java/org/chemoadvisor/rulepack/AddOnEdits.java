package org.chemoadvisor.rulepack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.rules.Citation;

/** NCCI add-on code edits, indexed by add-on code. */
public final class AddOnEdits implements Versioned {

    private final Map<String, List<AddOnEdit>> byAddOn;
    private final Citation citation;

    public AddOnEdits(List<AddOnEdit> edits, Citation citation) {
        Map<String, List<AddOnEdit>> index = new HashMap<>();
        for (AddOnEdit edit : edits) {
            index.computeIfAbsent(edit.addOnCode(), k -> new ArrayList<>()).add(edit);
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byAddOn = Map.copyOf(index);
        this.citation = citation;
    }

    public boolean isAddOn(String code) {
        return byAddOn.containsKey(code);
    }

    public List<AddOnEdit> editsFor(String addOnCode) {
        return byAddOn.getOrDefault(addOnCode, List.of());
    }

    /** Acceptable primaries of an add-on on a date, in table order. */
    public Set<String> primariesFor(String addOnCode, LocalDate date) {
        Set<String> primaries = new LinkedHashSet<>();
        for (AddOnEdit edit : editsFor(addOnCode)) {
            if (edit.period().covers(date)) {
                primaries.add(edit.primaryCode());
            }
        }
        return primaries;
    }

    public Set<String> addOnCodes() {
        return byAddOn.keySet();
    }

    public int size() {
        return byAddOn.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
