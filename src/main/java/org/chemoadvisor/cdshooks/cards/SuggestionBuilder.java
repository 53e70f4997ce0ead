package org.chemoadvisor.cdshooks.cards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;
import org.chemoadvisor.cdshooks.api.Action;
import org.chemoadvisor.cdshooks.api.ResourceId;
import org.chemoadvisor.cdshooks.api.Suggestion;
import org.chemoadvisor.cdshooks.data.FhirJson;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a fix into one suggestion whose actions edit the source resources: changes to an order
 * become one {@code update} carrying the whole changed ServiceRequest, a new line a
 * {@code create}, a removed line a {@code delete}. Documented Procedures take a code change; they
 * are added or deleted only by a fix from documentation (CHEMO-05), where each code unit is one
 * Procedure ({@link NewProcedures}). A fix that cannot be carried out on the resources gives no
 * suggestion (the card states it as advice).
 */
@Component
public class SuggestionBuilder {

    private final FhirJson fhirJson;
    private final BodySiteMuscles bodySites;
    private final boolean resourceIdAsArray;

    @Autowired
    public SuggestionBuilder(FhirJson fhirJson, RulePack rulePack, CardProperties properties) {
        this.fhirJson = fhirJson;
        this.bodySites = new BodySiteMuscles(rulePack.muscles());
        this.resourceIdAsArray = properties.deleteResourceIdAsArray();
    }

    public SuggestionBuilder(FhirJson fhirJson, RulePack rulePack) {
        this(fhirJson, rulePack, new CardProperties(null, null));
    }

    public Optional<Suggestion> suggest(Fix fix, AdaptedLines adapted) {
        if (fix == null || fix.actions().isEmpty()) {
            return Optional.empty();
        }
        Edits edits = new Edits(adapted, fix.fromDocumentation() ? procedures(adapted) : null);
        for (FixAction action : fix.actions()) {
            if (!edits.apply(action)) {
                return Optional.empty();
            }
        }
        return Optional.of(new Suggestion(fix.label(), UUID.randomUUID().toString(), true, edits.actions(fhirJson, resourceIdAsArray)));
    }

    private NewProcedures procedures(AdaptedLines adapted) {
        List<Procedure> documented = adapted.sources().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).filter(Procedure.class::isInstance).map(Procedure.class::cast).toList();
        return new NewProcedures(bodySites, documented);
    }

    /** The edited copies of the source resources, collected per line. */
    private static final class Edits {

        private final AdaptedLines adapted;
        /** Non-null when Procedures may be added and deleted (a fix from documentation). */
        private final NewProcedures newProcedures;
        private final Map<Integer, Resource> updated = new LinkedHashMap<>();
        private final Map<Integer, List<String>> notes = new LinkedHashMap<>();
        private final Set<Integer> removed = new LinkedHashSet<>();
        /** New resources, each with the resource it was modelled on (null when made from scratch). */
        private final Map<Resource, Resource> created = new LinkedHashMap<>();

        Edits(AdaptedLines adapted, NewProcedures newProcedures) {
            this.adapted = adapted;
            this.newProcedures = newProcedures;
        }

        boolean apply(FixAction action) {
            if (action instanceof FixAction.ChangeCode change) {
                return edit(change.line(), "code " + change.newCode(), r -> ResourceEdits.changeCode(
                        r instanceof ServiceRequest order ? order.getCode() : ((Procedure) r).getCode(),
                        change.newCode()));
            } else if (action instanceof FixAction.SetUnits units) {
                return adapted.sourceOf(units.line()) instanceof Procedure procedure
                        ? moreProcedures(procedure, units)
                        : editOrder(units.line(), "units " + units.units(),
                                order -> ResourceEdits.setUnits(order, units.units()));
            } else if (action instanceof FixAction.RemoveModifier remove) {
                return editOrder(remove.line(), "without modifier " + remove.modifier(),
                        order -> ResourceEdits.removeModifier(order, remove.modifier()));
            } else if (action instanceof FixAction.AddModifier add) {
                return editOrder(add.line(), "with modifier " + add.modifier(),
                        order -> ResourceEdits.addModifier(order, add.modifier()));
            } else if (action instanceof FixAction.RemoveLine remove) {
                Resource source = adapted.sourceOf(remove.line());
                boolean removable = source instanceof ServiceRequest
                        || (source instanceof Procedure && newProcedures != null);
                return removable && identified(remove.line()) && removed.add(remove.line());
            } else if (action instanceof FixAction.AddLine add) {
                return create(add);
            }
            // LinkDiagnosis: which diagnosis to link is the clinician's call.
            return false;
        }

        /** A Procedure is one unit: more units of its code are more Procedures, one per region. */
        private boolean moreProcedures(Procedure existing, FixAction.SetUnits units) {
            if (newProcedures == null || units.units() < 1) {
                return false;
            }
            String code = codeAfterEdits(units.line());
            List<Region> rest = newProcedures.notCoveredBy(existing, units.regions());
            newProcedures.create(existing, code, units.units() - 1, rest).forEach(p -> created.put(p, null));
            return true;
        }

        private String codeAfterEdits(int line) {
            Resource resource = updated.getOrDefault(line, adapted.sourceOf(line));
            return FhirCodes.procedureCoding(((Procedure) resource).getCode()).getCode();
        }

        /**
         * Update and delete actions name their resource; a resource sent without an id cannot be
         * named, so a fix that must change it is not offered as a suggestion.
         */
        private boolean identified(int line) {
            Resource source = adapted.sourceOf(line);
            return source != null && source.getIdElement().hasIdPart()
                    && adapted.lines().get(line).paths().resource() != null;
        }

        private boolean editOrder(int line, String note, Consumer<ServiceRequest> edit) {
            return adapted.sourceOf(line) instanceof ServiceRequest && edit(line, note, r -> edit.accept((ServiceRequest) r));
        }

        private boolean edit(int line, String note, Consumer<Resource> edit) {
            Resource source = adapted.sourceOf(line);
            if (source == null || !identified(line)) {
                return false;
            }
            edit.accept(updated.computeIfAbsent(line, l -> source.copy()));
            notes.computeIfAbsent(line, l -> new ArrayList<>()).add(note);
            return true;
        }

        private boolean create(FixAction.AddLine add) {
            Resource model = add.modelLine() == null ? null : adapted.sourceOf(add.modelLine());
            if (model == null) {
                model = adapted.sources().values().stream().filter(ServiceRequest.class::isInstance)
                        .findFirst().orElse(null);
            }
            if (model instanceof ServiceRequest order) {
                created.put(ResourceEdits.newOrderLike(order, add.code(), add.units(), add.modifiers()), order);
                return true;
            }
            if (model instanceof Procedure procedure && newProcedures != null && add.modifiers().isEmpty()) {
                newProcedures.create(procedure, add.code(), add.units(), add.regions()).forEach(p -> created.put(p, null));
                return true;
            }
            return false;
        }

        List<Action> actions(FhirJson json, boolean resourceIdAsArray) {
            List<Action> actions = new ArrayList<>();
            updated.forEach((line, resource) -> {
                if (!removed.contains(line)) {
                    actions.add(new Action(Action.UPDATE, "Change the " + noun(resource) + " for "
                            + adapted.lines().get(line).code() + ": " + String.join(", ", notes.get(line)),
                            json.toJson(resource, adapted.sourceOf(line)), null));
                }
            });
            created.forEach((resource, model) -> actions.add(new Action(Action.CREATE, "Add "
                    + (resource instanceof Procedure ? "a Procedure" : "an order") + " for "
                    + FhirCodes.procedureCoding(codeOf(resource)).getCode() + sites(resource),
                    json.toJson(resource, model), null)));
            for (int line : removed) {
                actions.add(new Action(Action.DELETE, "Remove the " + noun(adapted.sourceOf(line)) + " for "
                        + adapted.lines().get(line).code(), null,
                        new ResourceId(adapted.lines().get(line).paths().resource(), resourceIdAsArray)));
            }
            return actions;
        }

        private static String noun(Resource resource) {
            return resource instanceof Procedure ? "Procedure" : "order";
        }

        private static CodeableConcept codeOf(Resource resource) {
            return resource instanceof Procedure procedure ? procedure.getCode() : ((ServiceRequest) resource).getCode();
        }

        private static String sites(Resource resource) {
            if (!(resource instanceof Procedure procedure) || !procedure.hasBodySite()) {
                return "";
            }
            int n = procedure.getBodySite().size();
            return " (" + n + (n == 1 ? " documented muscle)" : " documented muscles)");
        }
    }
}
