package org.chemoadvisor.bulk.generate;

import static org.chemoadvisor.fhir.CodeSystems.CLAIM_TYPE;
import static org.chemoadvisor.fhir.CodeSystems.HCPCS;
import static org.chemoadvisor.fhir.CodeSystems.ICD_10_CM;
import static org.chemoadvisor.fhir.CodeSystems.PLACE_OF_SERVICE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;

/**
 * Writes generated patients and visits as a FHIR Bulk Data export: {@code Patient.ndjson},
 * {@code Coverage.ndjson}, {@code Procedure.ndjson} (the documented muscles) and {@code Claim.ndjson},
 * joined by reference, plus {@code expected-rule-ids.csv}: each claim's mistake and the rule IDs the
 * coding check should raise for it under the Medicare profile.
 */
final class BulkExportWriter implements Closeable {

    static final String CPT = org.chemoadvisor.fhir.CodeSystems.CPT;
    static final String CLAIM_IDENTIFIER_SYSTEM = "urn:chemoadvisor:generated-claim";

    private final IParser parser;
    private final BufferedWriter patients;
    private final BufferedWriter coverages;
    private final BufferedWriter procedures;
    private final BufferedWriter claims;
    private final BufferedWriter expected;
    long claimsWritten;

    BulkExportWriter(Path dir, FhirContext fhir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        this.parser = fhir.newJsonParser();
        String suffix = gzip ? ".ndjson.gz" : ".ndjson";
        this.patients = open(dir.resolve("Patient" + suffix), gzip);
        this.coverages = open(dir.resolve("Coverage" + suffix), gzip);
        this.procedures = open(dir.resolve("Procedure" + suffix), gzip);
        this.claims = open(dir.resolve("Claim" + suffix), gzip);
        this.expected = open(dir.resolve("expected-rule-ids.csv"), false);
        expected.write("claim_id,mistake,rule_ids\n");
    }

    private static BufferedWriter open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(new OutputStreamWriter(gzip ? new GZIPOutputStream(out, 1 << 16) : out,
                StandardCharsets.UTF_8), 1 << 16);
    }

    void patient(String id, int birthYear, boolean female) throws IOException {
        Patient patient = new Patient();
        patient.setId(id);
        patient.setGender(female ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        patient.setBirthDateElement(new DateType(birthYear + "-01-01"));
        write(patients, patient);
        Coverage coverage = new Coverage();
        coverage.setId("cov-" + id);
        coverage.setStatus(Coverage.CoverageStatus.ACTIVE);
        coverage.setBeneficiary(new Reference("Patient/" + id));
        coverage.addPayor().setDisplay("Medicare Part B");
        write(coverages, coverage);
    }

    void claim(String patient, String id, Visit visit) throws IOException {
        Claim claim = new Claim();
        claim.setId(id);
        claim.addIdentifier().setSystem(CLAIM_IDENTIFIER_SYSTEM).setValue(id.toUpperCase(java.util.Locale.ROOT));
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
            write(procedures, documentation(procedureId, patient, visit, visit.documented.get(i)));
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
        write(claims, claim);
        expected.write(id + "," + visit.mistake + "," + String.join(";", visit.expectedRuleIds) + "\n");
        claimsWritten++;
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

    private void write(BufferedWriter file, Resource resource) throws IOException {
        file.write(parser.encodeResourceToString(resource));
        file.newLine();
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter file : new BufferedWriter[] {patients, coverages, procedures, claims, expected}) {
            file.close();
        }
    }
}
