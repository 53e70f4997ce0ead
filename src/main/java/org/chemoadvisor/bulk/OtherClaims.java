package org.chemoadvisor.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.claim.ClaimFactsAdapter;
import org.chemoadvisor.rulepack.CodeSets;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/**
 * The chemodenervation lines of every claim in the input, by patient, read in a first pass (a few
 * fields per line, not the claims): a claim is checked against the patient's other claims as the
 * record of earlier procedures, as an auditor's look-back needs. Each line becomes a completed
 * Procedure for the Bundle the claim is checked in, its id naming the claim line it came from
 * ({@code claim-<id>-item-<n>}).
 */
public final class OtherClaims {

    /**
     * One indexed line; {@code day} is its date as the Procedure it becomes reads it (null below day
     * precision), {@code unreadable} the exception HAPI raises for a date it cannot read (else null).
     */
    record Line(String claimId, int item, String code, String date, LocalDate day, String unreadable) {

        static Line of(String claimId, int item, String code, String date) {
            try {
                LocalDate day = ExportClaimReader.plainDate(date);
                return new Line(claimId, item, code, date,
                        day != null ? day : ClaimFactsAdapter.toLocalDate(new DateTimeType(date)), null);
            } catch (RuntimeException e) {
                return new Line(claimId, item, code, date, null, e.getClass().getSimpleName());
            }
        }
    }

    private static final String CPT = "http://www.ama-assn.org/go/cpt";
    /** Thread-safe once configured; one per process, as a mapper is costly to build (Spark calls {@link #of} per patient). */
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<Line>> byPatient = new HashMap<>();

    /** From the lines of one patient's claims (or any lines: those not Claims or Bundles are skipped). */
    public static OtherClaims of(Iterable<String> lines, CodeSets codeSets) {
        OtherClaims claims = new OtherClaims();
        for (String line : lines) {
            claims.add(line, codeSets);
        }
        return claims;
    }

    static OtherClaims read(PatientPartitions.Part part, CodeSets codeSets) throws IOException {
        OtherClaims claims = new OtherClaims();
        part.claimLines(line -> claims.add(line.bytes(), codeSets), new java.util.concurrent.atomic.AtomicLong());
        return claims;
    }

    /** A claim line read as JSON (any line; those not Claims or Bundles add nothing). */
    void add(String line, CodeSets codeSets) {
        try {
            add(JSON.readTree(line), codeSets);
        } catch (IOException e) {
            // Not JSON: nothing to index.
        }
    }

    /** As {@link #add(String, CodeSets)}, for the line's UTF-8 bytes, read as its text is. */
    void add(byte[] line, CodeSets codeSets) {
        add(new String(line, StandardCharsets.UTF_8), codeSets);
    }

    private void add(JsonNode resource, CodeSets codeSets) {
        if (resource.path("resourceType").asText().equals("Bundle")) {
            resource.path("entry").forEach(entry -> add(entry.path("resource"), codeSets));
            return;
        }
        String patient = resource.at("/patient/reference").asText(null);
        if (!resource.path("resourceType").asText().equals("Claim") || patient == null) {
            return;
        }
        String claimDate = resource.at("/billablePeriod/start").asText("");
        JsonNode items = resource.path("item");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            add(patient, resource.path("id").asText(""), i, item.at("/productOrService/coding/0/code").asText("").trim(),
                    item.path("servicedDate").asText(claimDate), codeSets);
        }
    }

    /** A claim read without HAPI ({@link ExportClaimReader}): the same items, read the same way. */
    void add(ExportClaim claim, CodeSets codeSets) {
        for (int i = 0; i < claim.indexed().size(); i++) {
            ExportClaim.IndexedItem item = claim.indexed().get(i);
            add(claim.patient(), claim.id(), i, item.code(), item.date(), codeSets);
        }
    }

    private void add(String patient, String claimId, int item, String code, String date, CodeSets codeSets) {
        if (!date.isEmpty() && (codeSets.contains(CodeSets.CHEMODENERVATION, code)
                || codeSets.contains(CodeSets.GUIDANCE_INCLUDED, code))) {
            byPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(Line.of(claimId, item, code, date));
        }
    }

    /** The patient's indexed lines, this claim's own included. */
    List<Line> linesOf(String patient) {
        return byPatient.getOrDefault(patient, List.of());
    }

    /** The patient's chemodenervation lines on claims other than {@code claimId}, as Procedures. */
    public List<Procedure> of(String patient, String claimId) {
        List<Procedure> procedures = new ArrayList<>();
        for (Line line : byPatient.getOrDefault(patient, List.of())) {
            if (line.claimId().equals(claimId)) {
                continue;
            }
            Procedure procedure = new Procedure();
            procedure.setId("claim-" + line.claimId() + "-item-" + (line.item() + 1));
            procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
            procedure.setCode(new CodeableConcept(new Coding(CPT, line.code(), null)));
            procedure.setSubject(new Reference(patient));
            procedure.setPerformed(new DateTimeType(line.date()));
            // No narrative: the id names the claim line, and HAPI builds an XHTML parser (~2,000 entities) per div.
            procedures.add(procedure);
        }
        return procedures;
    }
}
