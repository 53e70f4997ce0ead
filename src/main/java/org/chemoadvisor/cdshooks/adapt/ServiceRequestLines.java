package org.chemoadvisor.cdshooks.adapt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ServiceRequest;

/** Draft orders (ServiceRequests in the {@code draftOrders} Bundle) as service lines. */
public final class ServiceRequestLines {

    /** Orders that no longer stand. */
    private static final Set<ServiceRequest.ServiceRequestStatus> IGNORED = Set.of(
            ServiceRequest.ServiceRequestStatus.REVOKED, ServiceRequest.ServiceRequestStatus.ENTEREDINERROR);

    private ServiceRequestLines() {
    }

    public static AdaptedLines from(Bundle draftOrders) {
        List<ServiceLine> lines = new ArrayList<>();
        Map<Integer, org.hl7.fhir.r4.model.Resource> sources = new HashMap<>();
        List<Diagnosis> diagnoses = new ArrayList<>();
        String placeOfService = null;
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (!(entry.getResource() instanceof ServiceRequest order) || order.hasStatus() && IGNORED.contains(order.getStatus())) {
                continue;
            }
            Coding code = FhirCodes.procedureCoding(order.getCode());
            if (code == null) {
                continue;
            }
            String reference = FhirCodes.reference(order, entry.getFullUrl());
            List<String> lineDiagnoses = FhirCodes.reasonDiagnoses("ServiceRequest", order.getReasonCode(), diagnoses);
            String pos = placeOfService(order);
            placeOfService = placeOfService == null ? pos : placeOfService;
            int index = lines.size();
            lines.add(new ServiceLine(index, code.getCode().trim().toUpperCase(java.util.Locale.ROOT),
                    modifiers(order), units(order), date(order), pos, lineDiagnoses, null, paths(reference)));
            sources.put(index, order);
        }
        return new AdaptedLines(lines, sources, diagnoses, placeOfService);
    }

    static SourcePaths paths(String reference) {
        return new SourcePaths(reference, "ServiceRequest", "ServiceRequest.code", "ServiceRequest.quantity",
                "ServiceRequest.orderDetail.where(coding.system='" + FhirCodes.MODIFIER_SYSTEM + "')", SourcePaths.Kind.ORDER);
    }

    static List<String> modifiers(ServiceRequest order) {
        List<String> modifiers = new ArrayList<>();
        for (CodeableConcept detail : order.getOrderDetail()) {
            String modifier = FhirCodes.codeIn(detail, FhirCodes.MODIFIER_SYSTEM);
            if (modifier != null) {
                modifiers.add(modifier.trim().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return modifiers;
    }

    private static int units(ServiceRequest order) {
        if (order.hasQuantityQuantity() && order.getQuantityQuantity().hasValue()) {
            return Math.max(1, order.getQuantityQuantity().getValue().intValue());
        }
        return 1;
    }

    private static LocalDate date(ServiceRequest order) {
        if (order.hasOccurrenceDateTimeType()) {
            return FhirCodes.day(order.getOccurrenceDateTimeType());
        }
        if (order.hasOccurrencePeriod() && order.getOccurrencePeriod().hasStartElement()) {
            return FhirCodes.day(order.getOccurrencePeriod().getStartElement());
        }
        return order.hasAuthoredOnElement() ? FhirCodes.day(order.getAuthoredOnElement()) : null;
    }

    private static String placeOfService(ServiceRequest order) {
        return order.getLocationCode().stream()
                .map(concept -> FhirCodes.codeIn(concept, FhirCodes.PLACE_OF_SERVICE))
                .filter(code -> code != null).findFirst().orElse(null);
    }
}
