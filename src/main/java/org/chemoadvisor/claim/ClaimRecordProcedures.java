package org.chemoadvisor.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chemoadvisor.facts.OtherDayService;
import org.chemoadvisor.fhir.CodeSystems;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * The patient's earlier procedures sent with a Claim: Procedures in the Bundle that the Claim does
 * not reference from {@code Claim.procedure} (those document this claim's injections), performed,
 * dated and coded in CPT/HCPCS, and about the Claim's patient when both name one. The rules across
 * dates of service (global periods, re-injection intervals) read them as the record.
 */
public final class ClaimRecordProcedures {

    private ClaimRecordProcedures() {
    }

    static List<OtherDayService> read(Claim claim, ClaimReferences references) {
        Set<Resource> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Claim.ProcedureComponent entry : claim.getProcedure()) {
            if (entry.hasProcedureReference()) {
                references.resolve(entry.getProcedureReference().getReference())
                        .ifPresent(found -> referenced.add(found.resource()));
            }
        }
        List<OtherDayService> services = new ArrayList<>();
        for (ClaimReferences.Located located : references.entries(Procedure.class)) {
            Procedure procedure = (Procedure) located.resource();
            OtherDayService service = referenced.contains(procedure) ? null : fromProcedure(procedure,
                    claim.getPatient().getReference(), ClaimProcedureMuscles.performedOn(procedure),
                    located.path() + ".code");
            if (service != null) {
                services.add(service);
            }
        }
        return services;
    }

    /**
     * An earlier procedure of the record, or null when the Procedure is not one: not completed, about
     * another patient than the Claim's (when both name one), or without a date or a CPT/HCPCS code.
     *
     * @param claimPatient the Claim's patient reference, or null
     * @param performed    the Procedure's performed date ({@link ClaimProcedureMuscles#performedOn})
     * @param path         the FHIRPath of the Procedure's code in the request
     */
    public static OtherDayService fromProcedure(Procedure procedure, String claimPatient, LocalDate performed,
            String path) {
        if (procedure.getStatus() != Procedure.ProcedureStatus.COMPLETED || performed == null
                || !samePatient(claimPatient, procedure) || !procedure.hasCode()) {
            return null;
        }
        for (Coding coding : procedure.getCode().getCoding()) {
            if (coding.hasSystem() && CodeSystems.PROCEDURE_CODES.contains(coding.getSystem()) && coding.hasCode()) {
                return OtherDayService.fromRecord(coding.getCode().trim().toUpperCase(Locale.ROOT), performed, path);
            }
        }
        return null;
    }

    private static boolean samePatient(String patient, Procedure procedure) {
        // hasSubject first: the Procedure may be shared between threads (a bulk review), and a getter creates.
        String subject = procedure.hasSubject() ? procedure.getSubject().getReference() : null;
        return patient == null || subject == null || patient.equals(subject);
    }
}
