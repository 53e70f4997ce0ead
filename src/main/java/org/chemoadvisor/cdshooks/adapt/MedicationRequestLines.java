package org.chemoadvisor.cdshooks.adapt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Draft botulinum toxin orders (MedicationRequests in the {@code draftOrders} Bundle) as drug lines,
 * so that rules see the toxin is ordered with the injections (CHEMO-32 stays silent). The toxin is
 * recognised by a HCPCS J-code of the toxin code set on the medication, else by a name of the
 * toxin medication table in its text or coding displays. The line is a medication order: no
 * JW/JZ (added when the drug is billed) and 1 unit (the order's amount is in drug units, not the
 * J-code's billing unit). Its date is the first dosage timing event; without one it has none,
 * so it belongs with every date of the order set.
 */
public final class MedicationRequestLines {

    private static final Set<MedicationRequest.MedicationRequestStatus> IGNORED = Set.of(
            MedicationRequest.MedicationRequestStatus.CANCELLED, MedicationRequest.MedicationRequestStatus.STOPPED,
            MedicationRequest.MedicationRequestStatus.ENTEREDINERROR);

    private MedicationRequestLines() {
    }

    /** The lines of {@code base} followed by a drug line for each toxin MedicationRequest. */
    public static AdaptedLines appendTo(AdaptedLines base, Bundle draftOrders, RulePack pack) {
        List<ServiceLine> lines = new ArrayList<>(base.lines());
        Map<Integer, Resource> sources = new HashMap<>(base.sources());
        List<Diagnosis> diagnoses = new ArrayList<>(base.diagnoses());
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (!(entry.getResource() instanceof MedicationRequest order) || IGNORED.contains(order.getStatus())) {
                continue;
            }
            Optional<String> toxin = toxinCode(medication(order, draftOrders), pack);
            if (toxin.isEmpty()) {
                continue;
            }
            String reference = FhirCodes.reference(order, entry.getFullUrl());
            int index = lines.size();
            lines.add(new ServiceLine(index, toxin.get(), List.of(), 1, date(order), null,
                    FhirCodes.reasonDiagnoses("MedicationRequest", order.getReasonCode(), diagnoses), null,
                    paths(reference), true));
            sources.put(index, order);
        }
        if (lines.size() == base.lines().size()) {
            return base;
        }
        return new AdaptedLines(lines, sources, diagnoses, base.placeOfService());
    }

    static Optional<String> toxinCode(CodeableConcept medication, RulePack pack) {
        if (medication == null) {
            return Optional.empty();
        }
        for (Coding coding : medication.getCoding()) {
            String code = coding.hasCode() ? coding.getCode().trim().toUpperCase(java.util.Locale.ROOT) : null;
            if (code != null && coding.hasSystem() && FhirCodes.PROCEDURE_SYSTEMS.contains(coding.getSystem())
                    && pack.codeSets().contains(CodeSets.TOXIN, code)) {
                return Optional.of(code);
            }
        }
        Optional<String> named = pack.toxinMedications().hcpcsNamedIn(medication.getText());
        for (int i = 0; named.isEmpty() && i < medication.getCoding().size(); i++) {
            named = pack.toxinMedications().hcpcsNamedIn(medication.getCoding().get(i).getDisplay());
        }
        return named;
    }

    /** The medication concept: inline, or of the Medication referenced (contained or in the Bundle). */
    private static CodeableConcept medication(MedicationRequest order, Bundle draftOrders) {
        if (order.hasMedicationCodeableConcept()) {
            return order.getMedicationCodeableConcept();
        }
        if (!order.hasMedicationReference()) {
            return null;
        }
        Reference reference = order.getMedicationReference();
        if (reference.getResource() instanceof Medication medication) {
            return medication.getCode();
        }
        String ref = reference.getReference();
        if (ref == null) {
            return reference.hasDisplay() ? new CodeableConcept().setText(reference.getDisplay()) : null;
        }
        for (Resource contained : order.getContained()) {
            if (contained instanceof Medication medication && ref.equals("#" + contained.getIdPart())) {
                return medication.getCode();
            }
        }
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (entry.getResource() instanceof Medication medication
                    && (ref.equals(entry.getFullUrl()) || ref.equals("Medication/" + medication.getIdPart()))) {
                return medication.getCode();
            }
        }
        return reference.hasDisplay() ? new CodeableConcept().setText(reference.getDisplay()) : null;
    }

    private static LocalDate date(MedicationRequest order) {
        for (Dosage dosage : order.getDosageInstruction()) {
            if (dosage.hasTiming() && dosage.getTiming().hasEvent()) {
                return FhirCodes.day(dosage.getTiming().getEvent().get(0));
            }
        }
        return null;
    }

    // A medication order has no modifier element: modifiers point at the medication for completeness.
    static SourcePaths paths(String reference) {
        return new SourcePaths(reference, "MedicationRequest", "MedicationRequest.medication",
                "MedicationRequest.dispenseRequest.quantity", "MedicationRequest.medication", SourcePaths.Kind.ORDER);
    }
}
