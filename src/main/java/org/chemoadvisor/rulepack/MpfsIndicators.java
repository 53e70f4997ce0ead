package org.chemoadvisor.rulepack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.rules.Citation;

/** Medicare physician fee schedule indicators, indexed by code (the row without a modifier). */
public final class MpfsIndicators implements Versioned {

    private final Map<String, MpfsIndicator> byCode;
    private final Citation citation;

    public MpfsIndicators(List<MpfsIndicator> rows, Citation citation) {
        Map<String, MpfsIndicator> index = new HashMap<>();
        for (MpfsIndicator row : rows) {
            if (row.modifier() == null || row.modifier().isBlank()) {
                index.put(row.code(), row);
            } else {
                index.putIfAbsent(row.code(), row);
            }
        }
        this.byCode = Map.copyOf(index);
        this.citation = citation;
    }

    public Optional<MpfsIndicator> find(String code) {
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
