package org.chemoadvisor.rulepack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.rules.Citation;

/** NCCI medically unlikely edits (practitioner services), indexed by code. */
public final class MueTable implements Versioned {

    private final Map<String, MueEdit> byCode;
    private final Citation citation;

    public MueTable(List<MueEdit> edits, Citation citation) {
        Map<String, MueEdit> index = new HashMap<>();
        edits.forEach(e -> index.put(e.code(), e));
        this.byCode = Map.copyOf(index);
        this.citation = citation;
    }

    public Optional<MueEdit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public int size() {
        return byCode.size();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
