package org.chemoadvisor.cdshooks.adapt;

import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.hl7.fhir.r4.model.Resource;

/**
 * Service lines read from FHIR, with the resource each line came from (by line index) so that
 * a fix can be turned back into an edit of that resource.
 */
public record AdaptedLines(List<ServiceLine> lines, Map<Integer, Resource> sources, List<Diagnosis> diagnoses,
        String placeOfService) {

    public AdaptedLines {
        lines = List.copyOf(lines);
        sources = Map.copyOf(sources);
        diagnoses = List.copyOf(diagnoses);
    }

    public Resource sourceOf(int lineIndex) {
        return sources.get(lineIndex);
    }
}
