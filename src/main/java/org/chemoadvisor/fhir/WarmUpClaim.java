package org.chemoadvisor.fhir;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Reference;

/** A small synthetic, structurally valid Claim (no patient data) that start-up runs through the service. */
public final class WarmUpClaim {

    private WarmUpClaim() {
    }

    public static Claim create() {
        Claim claim = new Claim();
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setUse(Claim.Use.CLAIM);
        claim.setType(new CodeableConcept().addCoding(new Coding(CodeSystems.CLAIM_TYPE, "professional", null)));
        claim.setPatient(new Reference().setDisplay("warm-up"));
        claim.setProvider(new Reference().setDisplay("warm-up"));
        claim.setCreatedElement(new DateTimeType("2024-01-01"));
        claim.setPriority(new CodeableConcept().setText("normal"));
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay("warm-up"));
        claim.addItem().setSequence(1)
                .setProductOrService(new CodeableConcept().addCoding(new Coding(CodeSystems.CPT, "64644", null)))
                .setServiced(new DateType("2024-01-01"));
        return claim;
    }
}
