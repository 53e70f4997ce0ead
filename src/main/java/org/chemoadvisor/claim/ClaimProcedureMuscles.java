package org.chemoadvisor.claim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.fhir.BodySiteMuscles;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Procedure;

/**
 * The muscles documented in the Procedures a Claim references from {@code Claim.procedure}
 * (contained, or entries of the Bundle it came in; not those not done or entered in error), each dated by when it was injected: the
 * Procedure's performed date, else {@code Claim.procedure.date}, else the date of service of the
 * items that point at that procedure (when they agree), else none.
 */
public final class ClaimProcedureMuscles {

    private ClaimProcedureMuscles() {
    }

    static List<DocumentedMuscle> read(Claim claim, ClaimReferences references, BodySiteMuscles bodySites,
            LocalDate claimDate) {
        List<DocumentedMuscle> muscles = new ArrayList<>();
        Map<Integer, Set<LocalDate>> itemDates = itemDatesByProcedureSequence(claim, claimDate);
        Set<Object> read = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Claim.ProcedureComponent entry : claim.getProcedure()) {
            if (!entry.hasProcedureReference()) {
                continue;
            }
            references.resolve(entry.getProcedureReference().getReference())
                    .filter(found -> found.resource() instanceof Procedure procedure && documentsInjection(procedure)
                            && read.add(found.resource()))
                    .ifPresent(found -> {
                        LocalDate day = dateOf((Procedure) found.resource(), entry, itemDates);
                        bodySites.read(((Procedure) found.resource()).getBodySite(), found.path() + ".bodySite")
                                .forEach(muscle -> muscles.add(muscle.withDate(day)));
                    });
        }
        return muscles;
    }

    /** A Procedure not done, or entered in error, documents no injection. */
    public static boolean documentsInjection(Procedure procedure) {
        return procedure.getStatus() != Procedure.ProcedureStatus.NOTDONE
                && procedure.getStatus() != Procedure.ProcedureStatus.ENTEREDINERROR;
    }

    private static LocalDate dateOf(Procedure procedure, Claim.ProcedureComponent entry,
            Map<Integer, Set<LocalDate>> itemDates) {
        LocalDate performed = performedOn(procedure);
        if (performed != null) {
            return performed;
        }
        if (entry.hasDate()) {
            return ClaimFactsAdapter.toLocalDate(entry.getDateElement());
        }
        Set<LocalDate> dates = itemDates.getOrDefault(entry.getSequence(), Set.of());
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    /** The Procedure's performed date (performedDateTime, else the start of performedPeriod), or null. */
    public static LocalDate performedOn(Procedure procedure) {
        if (procedure.hasPerformedDateTimeType()) {
            return ClaimFactsAdapter.toLocalDate(procedure.getPerformedDateTimeType());
        }
        if (procedure.hasPerformedPeriod() && procedure.getPerformedPeriod().hasStart()) {
            return ClaimFactsAdapter.toLocalDate(procedure.getPerformedPeriod().getStartElement());
        }
        return null;
    }

    /** The dates of service of the items pointing at each Claim.procedure sequence. */
    private static Map<Integer, Set<LocalDate>> itemDatesByProcedureSequence(Claim claim, LocalDate claimDate) {
        Map<Integer, Set<LocalDate>> dates = new HashMap<>();
        for (Claim.ItemComponent item : claim.getItem()) {
            for (PositiveIntType sequence : item.getProcedureSequence()) {
                if (sequence.getValue() != null) {
                    // A null date (item without one) is kept: it makes the procedure's date ambiguous.
                    dates.computeIfAbsent(sequence.getValue(), k -> new HashSet<>())
                            .add(ClaimFactsAdapter.serviceDate(item, claimDate));
                }
            }
        }
        return dates;
    }
}
