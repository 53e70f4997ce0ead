package org.chemoadvisor.claim;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.claim.AdaptedClaim.AdapterNote;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.chemoadvisor.fhir.CodeSystems;
import org.chemoadvisor.rulepack.RulePack;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Claim.ItemComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.springframework.stereotype.Component;

/**
 * Reads an R4 Claim into coding facts: CPT/HCPCS items with modifiers, units, date and place of
 * service, the Claim's ICD-10-CM diagnoses and each item's links to them, and the muscles the
 * Procedures it references document ({@link ClaimProcedureMuscles}).
 *
 * <p>Items whose code is in another system are left out and reported as a note. A quantity that
 * is not a whole number of at least 1, or a Claim without items, cannot be checked:
 * {@link UnusableClaimException}.
 */
@Component
public class ClaimFactsAdapter {

    private final BodySiteMuscles bodySites;

    public ClaimFactsAdapter(RulePack rulePack) {
        this.bodySites = new BodySiteMuscles(rulePack.muscles());
    }

    public AdaptedClaim adapt(Claim claim, PolicyProfile profile) {
        return adapt(claim, ClaimReferences.standalone(claim), profile);
    }

    /** As {@link #adapt(Claim, PolicyProfile)}, with the Procedures found through {@code references}. */
    AdaptedClaim adapt(Claim claim, ClaimReferences references, PolicyProfile profile) {
        if (!claim.hasItem()) {
            throw new UnusableClaimException("Claim has no item: there is no service line to check", "Claim.item");
        }
        Map<Integer, String> diagnosisBySequence = new HashMap<>();
        List<Diagnosis> diagnoses = diagnoses(claim, diagnosisBySequence);
        LocalDate claimDate = toLocalDate(claim.getBillablePeriod().getStartElement());
        List<ServiceLine> lines = new ArrayList<>();
        List<AdapterNote> notes = new ArrayList<>();
        for (int i = 0; i < claim.getItem().size(); i++) {
            ItemComponent item = claim.getItem().get(i);
            Optional<Coding> code = procedureCode(item.getProductOrService());
            if (code.isEmpty()) {
                notes.add(new AdapterNote("Claim.item[" + i + "] is not coded in CPT or HCPCS ("
                        + describe(item.getProductOrService()) + "); it was not checked",
                        "Claim.item[" + i + "].productOrService"));
                continue;
            }
            lines.add(new ServiceLine(i, normalize(code.get().getCode()), modifiers(item), units(item, i),
                    serviceDate(item, claimDate), placeOfService(item), linkedDiagnoses(item, diagnosisBySequence),
                    bodySites.limbOf(item.getBodySite()), SourcePaths.claimItem(i)));
        }
        CodingFacts facts = new CodingFacts(lines, diagnoses, commonPlaceOfService(lines), profile,
                ClaimProcedureMuscles.read(claim, references, bodySites, claimDate),
                isProfessional(claim)).withRecord(ClaimRecordProcedures.read(claim, references));
        return new AdaptedClaim(facts, notes);
    }

    private static List<Diagnosis> diagnoses(Claim claim, Map<Integer, String> bySequence) {
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (int i = 0; i < claim.getDiagnosis().size(); i++) {
            Claim.DiagnosisComponent diagnosis = claim.getDiagnosis().get(i);
            if (!diagnosis.hasDiagnosisCodeableConcept()) {
                continue;
            }
            for (Coding coding : diagnosis.getDiagnosisCodeableConcept().getCoding()) {
                if (CodeSystems.ICD_10_CM.equals(coding.getSystem()) && coding.hasCode()) {
                    diagnoses.add(new Diagnosis(coding.getCode().trim(), coding.getSystem(),
                            "Claim.diagnosis[" + i + "].diagnosisCodeableConcept"));
                    bySequence.putIfAbsent(diagnosis.getSequence(), coding.getCode().trim());
                }
            }
        }
        return diagnoses;
    }

    private static Optional<Coding> procedureCode(CodeableConcept concept) {
        return concept.getCoding().stream()
                .filter(c -> c.hasSystem() && CodeSystems.PROCEDURE_CODES.contains(c.getSystem()) && c.hasCode())
                .findFirst();
    }

    private static List<String> modifiers(ItemComponent item) {
        List<String> modifiers = new ArrayList<>();
        for (CodeableConcept modifier : item.getModifier()) {
            modifier.getCoding().stream().filter(Coding::hasCode).findFirst()
                    .ifPresent(c -> modifiers.add(normalize(c.getCode())));
        }
        return modifiers;
    }

    private static int units(ItemComponent item, int index) {
        if (!item.hasQuantity() || !item.getQuantity().hasValue()) {
            return 1;
        }
        BigDecimal value = item.getQuantity().getValue();
        if (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(9999)) > 0) {
            throw new UnusableClaimException("Claim.item[" + index + "].quantity is " + value.toPlainString()
                    + "; units of service must be a whole number from 1 to 9999", "Claim.item[" + index + "].quantity");
        }
        return value.intValueExact();
    }

    static LocalDate serviceDate(ItemComponent item, LocalDate claimDate) {
        if (item.hasServicedDateType()) {
            return toLocalDate(item.getServicedDateType());
        }
        if (item.hasServicedPeriod() && item.getServicedPeriod().hasStart()) {
            return toLocalDate(item.getServicedPeriod().getStartElement());
        }
        return claimDate;
    }

    private static String placeOfService(ItemComponent item) {
        if (!item.hasLocationCodeableConcept()) {
            return null;
        }
        return item.getLocationCodeableConcept().getCoding().stream()
                .filter(c -> CodeSystems.PLACE_OF_SERVICE.equals(c.getSystem()) && c.hasCode())
                .map(c -> c.getCode().trim())
                .findFirst().orElse(null);
    }

    private static List<String> linkedDiagnoses(ItemComponent item, Map<Integer, String> bySequence) {
        Set<String> codes = new LinkedHashSet<>();
        for (PositiveIntType sequence : item.getDiagnosisSequence()) {
            String code = sequence.getValue() == null ? null : bySequence.get(sequence.getValue());
            if (code != null) {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    /** The place of service all lines agree on, else null (each line keeps its own). */
    public static String commonPlaceOfService(List<ServiceLine> lines) {
        Set<String> places = new LinkedHashSet<>();
        lines.forEach(l -> places.add(l.placeOfService()));
        return places.size() == 1 ? places.iterator().next() : null;
    }

    private static boolean isProfessional(Claim claim) {
        return claim.getType().getCoding().stream()
                .anyMatch(c -> CodeSystems.CLAIM_TYPE.equals(c.getSystem()) && "professional".equals(c.getCode()));
    }

    private static String describe(CodeableConcept concept) {
        return concept.getCoding().stream().findFirst()
                .map(c -> "system " + (c.hasSystem() ? c.getSystem() : "missing") + ", code " + c.getCode())
                .orElse("no coding");
    }

    private static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }

    /** The calendar date as the sender wrote it (its own time zone); null below day precision. */
    public static LocalDate toLocalDate(BaseDateTimeType value) {
        if (value == null || value.isEmpty() || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }
}
