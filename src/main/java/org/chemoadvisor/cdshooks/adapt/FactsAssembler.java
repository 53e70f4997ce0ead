package org.chemoadvisor.cdshooks.adapt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.chemoadvisor.policy.PolicyProfileResolver;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

/** Puts the adapted lines, diagnoses (Conditions) and payer (Coverage) together into coding facts. */
@Component
public class FactsAssembler {

    /** Code sets whose presence makes an order set or encounter this service's business. */
    private static final List<String> TRIGGER_SETS = List.of(CodeSets.CHEMODENERVATION, CodeSets.LIMB_AND_TRUNK,
            CodeSets.GUIDANCE, CodeSets.GUIDANCE_INCLUDED);

    private final CodeSets codeSets;
    private final PolicyProfileResolver profiles;
    private final BodySiteMuscles bodySites;

    public FactsAssembler(RulePack rulePack, PolicyProfileResolver profiles) {
        this.codeSets = rulePack.codeSets();
        this.profiles = profiles;
        this.bodySites = new BodySiteMuscles(rulePack.muscles());
    }

    /** True when a line is a chemodenervation or guidance code; other orders alone get no advice. */
    public boolean concernsChemodenervation(AdaptedLines adapted) {
        return adapted.lines().stream().anyMatch(line -> TRIGGER_SETS.stream()
                .anyMatch(set -> codeSets.has(set) && codeSets.contains(set, line.code())));
    }

    public CodingFacts facts(AdaptedLines adapted, List<Resource> conditions, List<Resource> coverages) {
        List<Diagnosis> diagnoses = new ArrayList<>(adapted.diagnoses());
        Set<String> known = new java.util.HashSet<>();
        diagnoses.forEach(d -> known.add(d.normalizedCode()));
        for (Resource resource : conditions) {
            if (resource instanceof Condition condition && !refuted(condition)) {
                String icd = FhirCodes.codeIn(condition.getCode(), FhirCodes.ICD10CM);
                Diagnosis diagnosis = new Diagnosis(icd, FhirCodes.ICD10CM, "Condition.code");
                if (icd != null && known.add(diagnosis.normalizedCode())) {
                    diagnoses.add(diagnosis);
                }
            }
        }
        PolicyProfile profile = profiles.resolve(null, payerKeys(coverages));
        return new CodingFacts(LineLimbs.fromMuscles(adapted, bodySites), diagnoses, adapted.placeOfService(), profile,
                documentedMuscles(adapted), true);
    }

    /**
     * The muscles the line sources name in bodySite: injected (Procedure) or planned (ServiceRequest).
     * Locations name the resource, since a hook carries several resources of one type. Each muscle
     * is dated by its line, so the engine counts it only on that date of service.
     */
    List<DocumentedMuscle> documentedMuscles(AdaptedLines adapted) {
        List<DocumentedMuscle> muscles = new ArrayList<>();
        Set<Resource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < adapted.lines().size(); i++) {
            Resource source = adapted.sourceOf(adapted.lines().get(i).index());
            if (source == null || !seen.add(source)) {
                continue;
            }
            String type = source.fhirType();
            // The line's date is the Procedure's performed date or the order's occurrence.
            java.time.LocalDate day = adapted.lines().get(i).date();
            if (source instanceof Procedure procedure) {
                bodySites.read(procedure.getBodySite(), type + ".bodySite").forEach(m -> muscles.add(m.withDate(day)));
            } else if (source instanceof ServiceRequest order) {
                bodySites.read(order.getBodySite(), type + ".bodySite").forEach(m -> muscles.add(m.withDate(day)));
            }
        }
        return muscles;
    }

    public PolicyProfile defaultProfile() {
        return profiles.defaultProfile();
    }

    private static boolean refuted(Condition condition) {
        String status = FhirCodes.codeIn(condition.getVerificationStatus(),
                "http://terminology.hl7.org/CodeSystem/condition-ver-status");
        return "refuted".equals(status) || "entered-in-error".equals(status);
    }

    /** Payer identifiers, names and references, in the order the Coverages list them. */
    public static List<String> payerKeys(List<Resource> coverages) {
        List<String> keys = new ArrayList<>();
        for (Resource resource : coverages) {
            if (!(resource instanceof Coverage coverage)
                    || coverage.getStatus() == Coverage.CoverageStatus.CANCELLED
                    || coverage.getStatus() == Coverage.CoverageStatus.ENTEREDINERROR) {
                continue;
            }
            for (Reference payor : coverage.getPayor()) {
                if (payor.hasIdentifier() && payor.getIdentifier().hasValue()) {
                    keys.add(payor.getIdentifier().getValue());
                }
                if (payor.hasDisplay()) {
                    keys.add(payor.getDisplay());
                }
                if (payor.hasReference()) {
                    keys.add(payor.getReference());
                }
            }
        }
        return keys;
    }
}
