package org.chemoadvisor.cdshooks.cards;

import java.math.BigDecimal;
import java.util.UUID;
import org.chemoadvisor.cdshooks.adapt.FhirCodes;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;

/** The edits a fix makes to one order, on HAPI's model. */
final class ResourceEdits {

    private ResourceEdits() {
    }

    static void changeCode(CodeableConcept concept, String newCode) {
        Coding coding = FhirCodes.procedureCoding(concept);
        if (coding == null) {
            concept.addCoding().setSystem(FhirCodes.CPT).setCode(newCode);
        } else {
            // The old display would now describe the wrong service.
            coding.setCode(newCode).setDisplay(null);
        }
        concept.setText(null);
    }

    static void setUnits(ServiceRequest order, int units) {
        order.setQuantity(new Quantity().setValue(BigDecimal.valueOf(units)));
    }

    static void removeModifier(ServiceRequest order, String modifier) {
        order.getOrderDetail().removeIf(detail -> modifier.equalsIgnoreCase(
                FhirCodes.codeIn(detail, FhirCodes.MODIFIER_SYSTEM)));
    }

    static void addModifier(ServiceRequest order, String modifier) {
        order.addOrderDetail().addCoding().setSystem(FhirCodes.MODIFIER_SYSTEM).setCode(modifier);
    }

    /** A new order modelled on another: same patient, encounter, dates, reasons; new code and id. */
    static ServiceRequest newOrderLike(ServiceRequest model, String code, int units, Iterable<String> modifiers) {
        ServiceRequest order = model.copy();
        order.setIdElement(new IdType("ServiceRequest", UUID.randomUUID().toString()));
        order.getIdentifier().clear();
        order.setCode(new CodeableConcept().addCoding(new Coding().setSystem(FhirCodes.CPT).setCode(code)));
        order.getOrderDetail().removeIf(detail -> FhirCodes.codeIn(detail, FhirCodes.MODIFIER_SYSTEM) != null);
        modifiers.forEach(modifier -> addModifier(order, modifier));
        setUnits(order, units);
        return order;
    }
}
