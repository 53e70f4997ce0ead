package org.chemoadvisor.cdshooks.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The Procedures a fix from documentation adds to an encounter, where each chemodenervation code
 * unit is one Procedure: status completed, the model's subject, encounter and performed time, the
 * derived code, and as bodySite the muscles the encounter's Procedures document in the region
 * that unit stands for (none when the region is not known).
 */
final class NewProcedures {

    private final BodySiteMuscles bodySites;
    /** Documented muscle sites per region, distinct by muscle, in the order the encounter lists them. */
    private final Map<Region, Map<String, CodeableConcept>> sitesByRegion = new LinkedHashMap<>();

    NewProcedures(BodySiteMuscles bodySites, List<Procedure> encounterProcedures) {
        this.bodySites = bodySites;
        for (Procedure procedure : encounterProcedures) {
            for (CodeableConcept site : procedure.getBodySite()) {
                bodySites.read(site, "Procedure.bodySite").filter(m -> m.region() != null)
                        .ifPresent(m -> sitesByRegion.computeIfAbsent(m.region(), r -> new LinkedHashMap<>())
                                .putIfAbsent(m.muscleId(), site));
            }
        }
    }

    /** One Procedure per region given, or {@code count} without bodySite when the regions are not known. */
    List<Procedure> create(Procedure model, String code, int count, List<Region> regions) {
        List<Procedure> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(like(model, code, regions.size() == count ? regions.get(i) : null));
        }
        return created;
    }

    /** The regions a unit list still needs once {@code existing} stands for the first of them it documents. */
    List<Region> notCoveredBy(Procedure existing, List<Region> regions) {
        Set<Region> documented = new LinkedHashSet<>();
        existing.getBodySite().forEach(site -> bodySites.read(site, "Procedure.bodySite")
                .map(DocumentedMuscle::region).ifPresent(documented::add));
        List<Region> rest = new ArrayList<>(regions);
        Region own = regions.stream().filter(documented::contains).findFirst()
                .orElse(regions.isEmpty() ? null : regions.get(0));
        rest.remove(own);
        return rest;
    }

    private Procedure like(Procedure model, String code, Region region) {
        Procedure procedure = new Procedure();
        procedure.setIdElement(new IdType("Procedure", UUID.randomUUID().toString()));
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(model.getSubject().copy());
        if (model.hasEncounter()) {
            procedure.setEncounter(model.getEncounter().copy());
        }
        if (model.hasPerformed()) {
            procedure.setPerformed(model.getPerformed().copy());
        }
        procedure.setCode(new CodeableConcept().addCoding(new Coding().setSystem(FhirCodes.CPT).setCode(code)));
        if (region != null) {
            sitesByRegion.getOrDefault(region, Map.of()).values().forEach(site -> procedure.addBodySite(site.copy()));
        }
        return procedure;
    }
}
