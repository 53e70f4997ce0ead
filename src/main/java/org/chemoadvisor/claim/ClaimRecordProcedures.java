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
final class ClaimRecordProcedures {

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
            if (referenced.contains(procedure) || !performed(procedure) || !samePatient(claim, procedure)) {
                continue;
            }
            LocalDate date = ClaimProcedureMuscles.performedOn(procedure);
            Coding code = procedure.getCode().getCoding().stream()
                    .filter(c -> c.hasSystem() && CodeSystems.PROCEDURE_CODES.contains(c.getSystem()) && c.hasCode())
                    .findFirst().orElse(null);
            if (date != null && code != null) {
                services.add(OtherDayService.fromRecord(code.getCode().trim().toUpperCase(Locale.ROOT), date,
                        located.path() + ".code"));
            }
        }
        return services;
    }

    private static boolean performed(Procedure procedure) {
        return procedure.getStatus() == Procedure.ProcedureStatus.COMPLETED;
    }

    private static boolean samePatient(Claim claim, Procedure procedure) {
        String patient = claim.getPatient().getReference();
        String subject = procedure.getSubject().getReference();
        return patient == null || subject == null || patient.equals(subject);
    }
}
