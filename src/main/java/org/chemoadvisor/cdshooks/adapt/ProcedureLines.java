package org.chemoadvisor.cdshooks.adapt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.OtherDayService;
import java.util.Locale;
import java.util.Map;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Procedures documented in an encounter as service lines: one unit per Procedure, the
 * performed date as date of service. A Procedure has no modifier element, so its lines carry none.
 */
public final class ProcedureLines {

    private ProcedureLines() {
    }

    public static AdaptedLines from(List<Resource> resources) {
        List<ServiceLine> lines = new ArrayList<>();
        Map<Integer, Resource> sources = new HashMap<>();
        for (Resource resource : resources) {
            if (!(resource instanceof Procedure procedure) || !counts(procedure)) {
                continue;
            }
            Coding code = FhirCodes.procedureCoding(procedure.getCode());
            if (code == null) {
                continue;
            }
            int index = lines.size();
            String reference = FhirCodes.reference(procedure, null);
            lines.add(new ServiceLine(index, code.getCode().trim().toUpperCase(Locale.ROOT), List.of(), 1,
                    date(procedure), null, List.of(), null,
                    new SourcePaths(reference, "Procedure", "Procedure.code", "Procedure", "Procedure.code",
                            SourcePaths.Kind.PROCEDURE)));
            sources.put(index, procedure);
        }
        return new AdaptedLines(lines, sources, List.of(), null);
    }

    /**
     * The patient's earlier procedures (a prefetch of recent chemodenervation Procedures) as services
     * of other dates, leaving out the ones that are the lines themselves (encounter-discharge).
     */
    public static List<OtherDayService> record(List<Resource> resources, AdaptedLines lines) {
        Set<String> own = new HashSet<>();
        lines.lines().forEach(line -> own.add(line.paths().resource()));
        List<OtherDayService> services = new ArrayList<>();
        for (Resource resource : resources) {
            if (!(resource instanceof Procedure procedure) || !counts(procedure)) {
                continue;
            }
            Coding code = FhirCodes.procedureCoding(procedure.getCode());
            LocalDate date = date(procedure);
            String reference = FhirCodes.reference(procedure, null);
            if (code != null && date != null && (reference == null || !own.contains(reference))) {
                services.add(OtherDayService.fromRecord(code.getCode().trim().toUpperCase(Locale.ROOT), date,
                        reference == null ? "Procedure" : reference));
            }
        }
        return services;
    }

    private static boolean counts(Procedure procedure) {
        Procedure.ProcedureStatus status = procedure.getStatus();
        return status != Procedure.ProcedureStatus.NOTDONE && status != Procedure.ProcedureStatus.ENTEREDINERROR;
    }

    private static LocalDate date(Procedure procedure) {
        if (procedure.hasPerformedDateTimeType()) {
            return FhirCodes.day(procedure.getPerformedDateTimeType());
        }
        if (procedure.hasPerformedPeriod() && procedure.getPerformedPeriod().hasStartElement()) {
            return FhirCodes.day(procedure.getPerformedPeriod().getStartElement());
        }
        return null;
    }
}
