package org.chemoadvisor.cdshooks.adapt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The limb each line is for, read from its own resource's bodySite: the side-known limb most of
 * its muscles are in (ties in {@link Region} order). So a recode from documentation can keep each
 * limb's code on the Procedure or order that documents that limb.
 */
final class LineLimbs {

    private LineLimbs() {
    }

    static List<ServiceLine> fromMuscles(AdaptedLines adapted, BodySiteMuscles bodySites) {
        List<ServiceLine> lines = new ArrayList<>();
        for (ServiceLine line : adapted.lines()) {
            Region limb = line.limb() != null ? line.limb() : limbOf(adapted.sourceOf(line.index()), bodySites);
            lines.add(limb == line.limb() ? line : new ServiceLine(line.index(), line.code(), line.modifiers(),
                    line.units(), line.date(), line.placeOfService(), line.diagnosisCodes(), limb, line.paths()));
        }
        return lines;
    }

    private static Region limbOf(Resource source, BodySiteMuscles bodySites) {
        List<CodeableConcept> sites = source instanceof Procedure procedure ? procedure.getBodySite()
                : source instanceof ServiceRequest order ? order.getBodySite() : List.of();
        Map<Region, Integer> counts = new EnumMap<>(Region.class);
        for (DocumentedMuscle muscle : bodySites.read(sites, "bodySite")) {
            if (muscle.region() != null && muscle.region().isLimb() && muscle.region() != Region.UNSPECIFIED_LIMB) {
                counts.merge(muscle.region(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<Region, Integer> e) -> e.getValue())
                        .thenComparing(e -> -e.getKey().ordinal()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
