package org.chemoadvisor.bulk.generate;

import static org.chemoadvisor.fhir.CodeSystems.CLAIM_TYPE;
import static org.chemoadvisor.fhir.CodeSystems.CPT;
import static org.chemoadvisor.fhir.CodeSystems.HCPCS;
import static org.chemoadvisor.fhir.CodeSystems.ICD_10_CM;
import static org.chemoadvisor.fhir.CodeSystems.PLACE_OF_SERVICE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * One generated patient as the FHIR resources of a Bulk Data export, encoded as NDJSON lines: the
 * Patient, their Coverage (Medicare Part B), and per visit a professional Claim referencing both and
 * the Procedures that document the injected muscles. Not thread-safe (one parser): one per thread.
 */
final class ExportEncoder {

    static final String CLAIM_IDENTIFIER_SYSTEM = "urn:chemoadvisor:generated-claim";

    /** A claim's line, its documentation's lines, and its row of expected-rule-ids.csv. */
    record EncodedClaim(String claim, List<String> procedures, String expected) {
    }

    record EncodedPatient(String patient, String coverage, List<EncodedClaim> claims) {
    }

    private final IParser parser;

    ExportEncoder(FhirContext fhir) {
        this.parser = fhir.newJsonParser();
    }

    EncodedPatient patient(String id, int birthYear, boolean female, List<Visit> visits) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.setGender(female ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType(birthYear + "-01-01"));
        Coverage coverage = new Coverage();
        coverage.setId("cov-" + id);
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(new Reference("Patient/" + id));
        coverage.addPayor().setDisplay("Medicare Part B");
        List<EncodedClaim> claims = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            claims.add(claim(id, "c" + id.substring(1) + "-" + (i + 1), visits.get(i)));
        }
        return new EncodedPatient(parser.encodeResourceToString(patient), parser.encodeResourceToString(coverage),
                claims);
    }

    private EncodedClaim claim(String patient, String id, Visit visit) {
        List<String> procedureLines = new ArrayList<>();
        Claim claim = new Claim();
        claim.setId(id);
        claim.addIdentifier().setSystem(CLAIM_IDENTIFIER_SYSTEM).setValue(id.toUpperCase(Locale.ROOT));
        claim.setStatus(Claim.ClaimStatus.ACTIVE);
        claim.setType(new CodeableConcept(new Coding(CLAIM_TYPE, "professional", null)));
        claim.setUse(Claim.Use.CLAIM);
        claim.setPatient(new Reference("Patient/" + patient));
        claim.setBillablePeriod(new Period().setStartElement(new DateTimeType(visit.date.toString()))
                .setEndElement(new DateTimeType(visit.date.toString())));
        claim.setCreatedElement(new DateTimeType(visit.date.plusDays(1).toString()));
        claim.setProvider(new Reference().setDisplay("Neurology clinic"));
        claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority",
                "normal", null)));
        for (int i = 0; i < visit.diagnoses.size(); i++) {
            claim.addDiagnosis().setSequence(i + 1).setDiagnosis(new CodeableConcept(new Coding(ICD_10_CM,
                    visit.diagnoses.get(i), null)));
        }
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference("Coverage/cov-" + patient));
        for (int i = 0; i < visit.documented.size(); i++) {
            String procedureId = id + "-limb-" + (i + 1);
            claim.addProcedure().setSequence(i + 1).setProcedure(new Reference("Procedure/" + procedureId));
            procedureLines.add(parser.encodeResourceToString(documentation(procedureId, patient, visit,
                    visit.documented.get(i))));
        }
        int sequence = 1;
        for (Visit.Line line : visit.lines) {
            Claim.ItemComponent item = claim.addItem().setSequence(sequence++);
            line.diagnoses().forEach(d -> item.addDiagnosisSequence(d));
            item.setProductOrService(new CodeableConcept(new Coding(line.system(), line.code(), null)));
            line.modifiers().forEach(m -> item.addModifier(new CodeableConcept(new Coding(
                    m.matches("\\d+") ? CPT : HCPCS, m, null))));
            item.setServiced(new DateType(visit.date.toString()));
            item.setLocation(new CodeableConcept(new Coding(PLACE_OF_SERVICE, visit.placeOfService, null)));
            item.setQuantity((SimpleQuantity) new SimpleQuantity().setValue(line.quantity()));
        }
        return new EncodedClaim(parser.encodeResourceToString(claim), procedureLines,
                id + "," + visit.mistake + "," + String.join(";", visit.expectedRuleIds));
    }

    private static Procedure documentation(String id, String patient, Visit visit, Visit.DocumentedLimb limb) {
        Procedure procedure = new Procedure();
        procedure.setId(id);
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setCode(new CodeableConcept(new Coding(CPT, limb.code(), null)));
        procedure.setSubject(new Reference("Patient/" + patient));
        procedure.setPerformed(new DateTimeType(visit.date.toString()));
        limb.muscles().forEach(muscle -> procedure.addBodySite().setText(muscle));
        return procedure;
    }
}
