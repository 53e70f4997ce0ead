package org.chemoadvisor.bulk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;

/**
 * A Claim line of an export read straight into what the coding check needs, without HAPI's model:
 * the service lines and diagnoses exactly as {@code ClaimFactsAdapter} reads them, and what the
 * check joins to them (the patient, the Procedures it references, its coverage). Only Claims of the
 * common shape are read this way ({@link ExportClaimReader}); any other line goes through HAPI as
 * {@code Claim/$validate} reads it, so the answer is the same either way.
 *
 * @param id               the Claim's id
 * @param identifier       its first identifier (system, value; either may be null), or null
 * @param patient          the patient reference ({@code Patient/<id>})
 * @param dateOfService    billablePeriod.start as written, else the first item's servicedDate, else ""
 * @param claimDate        billablePeriod.start, or null
 * @param lines            the service lines, as the adapter reads them
 * @param diagnoses        the ICD-10-CM diagnoses, as the adapter reads them
 * @param professional     a professional claim
 * @param procedures       Claim.procedure, in order
 * @param coverages        the references of Claim.insurance.coverage, in order (null where absent)
 * @param itemDates        per Claim.procedure sequence, the dates of service of the items pointing at it
 * @param indexed          the items as the other-claims index reads them (first coding's code, date)
 */
record ExportClaim(String id, Identifier identifier, String patient, String dateOfService, LocalDate claimDate,
        List<ServiceLine> lines, List<Diagnosis> diagnoses, boolean professional, List<ProcedureEntry> procedures,
        List<String> coverages, Map<Integer, Set<LocalDate>> itemDates, List<IndexedItem> indexed) {

    record Identifier(String system, String value) {
    }

    /** One Claim.procedure: its sequence, date (or null) and the relative reference it makes. */
    record ProcedureEntry(int sequence, LocalDate date, String reference) {
    }

    /** One item as {@link OtherClaims} indexes it: the first coding's code (trimmed) and the date as written. */
    record IndexedItem(String code, String date) {
    }
}
