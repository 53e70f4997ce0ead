package org.chemoadvisor.bulk;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chemoadvisor.bulk.ExportJson.NotCommon;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.fhir.CodeSystems;

/**
 * Reads a Claim line into an {@link ExportClaim} when it has the common shape of a professional
 * claims export, else answers null and the line goes through HAPI's parser and the Claim adapter.
 * HAPI's parse alone costs several times the rules, so a bulk review reads the lines it can with
 * Jackson's streaming parser, one pass and no tree; the shape is kept narrow enough that both
 * readings give the same facts ({@code ExportClaimEquivalenceTest} holds every generated and example
 * claim to that):
 *
 * <ul>
 *   <li>only the elements {@link ExportClaimElements} reads, each with only the fields it reads (no
 *       extensions, contained resources, narrative or meta); no JSON null; every string non-empty,
 *       every code and system without surrounding spaces; no empty array; one JSON object and
 *       nothing after it;</li>
 *   <li>dates are plain {@code YYYY-MM-DD}; quantities and sequences whole numbers (quantities from
 *       1 to 9999); ids FHIR ids; references relative ({@code Type/id});</li>
 *   <li>every item coded in CPT or HCPCS and without bodySite or servicedPeriod, so the adapter would
 *       note nothing and throw nothing.</li>
 * </ul>
 */
final class ExportClaimReader {

    private ExportClaimReader() {
    }

    /** The claim, or null when the line is not a Claim of the common shape (or not JSON). */
    static ExportClaim read(String line) {
        return ExportJson.read(line, ExportClaimReader::read);
    }

    /** As {@link #read(String)}, for the line's UTF-8 bytes (what the review reads). */
    static ExportClaim read(byte[] line) {
        return ExportJson.read(line, ExportClaimReader::read);
    }

    private static ExportClaim read(JsonParser parser) throws IOException {
        ExportClaimElements.Claim read = ExportClaimElements.claim(parser);
        return parser.nextToken() == null ? claim(read) : null;
    }

    private static ExportClaim claim(ExportClaimElements.Claim claim) {
        if (!"Claim".equals(claim.resourceType) || claim.id == null || claim.items.isEmpty()
                || claim.patient == null || !claim.patient.startsWith("Patient/")) {
            throw NotCommon.INSTANCE;
        }
        boolean professional = false;
        for (ExportClaimElements.Coding coding : claim.type) {
            professional |= CodeSystems.CLAIM_TYPE.equals(coding.system()) && "professional".equals(coding.code());
        }
        LocalDate claimDate = claim.startDay;
        Map<Integer, String> bySequence = new HashMap<>();
        List<Diagnosis> diagnoses = diagnoses(claim.diagnoses, bySequence);
        List<ServiceLine> lines = new ArrayList<>(claim.items.size());
        List<ExportClaim.IndexedItem> indexed = new ArrayList<>(claim.items.size());
        Map<Integer, Set<LocalDate>> itemDates = new HashMap<>();
        for (int i = 0; i < claim.items.size(); i++) {
            lines.add(line(claim.items.get(i), i, claim.start, claimDate, bySequence, itemDates, indexed));
        }
        String first = claim.items.get(0).servicedDate;
        String dateOfService = claim.start != null ? claim.start : first != null ? first : "";
        ExportClaim.Identifier identifier = claim.identifier == null || claim.identifier.value() == null ? null
                : claim.identifier;
        return new ExportClaim(claim.id, identifier, claim.patient, dateOfService, claimDate, lines, diagnoses,
                professional, claim.procedures, claim.coverages, itemDates, indexed);
    }

    private static ServiceLine line(ExportClaimElements.Item item, int index, String claimStart, LocalDate claimDate,
            Map<Integer, String> bySequence, Map<Integer, Set<LocalDate>> itemDates,
            List<ExportClaim.IndexedItem> indexed) {
        String code = null;
        for (ExportClaimElements.Coding coding : item.product) {
            if (code == null && CodeSystems.PROCEDURE_CODES.contains(coding.system()) && coding.code() != null) {
                code = coding.code();
            }
        }
        if (code == null) {
            throw NotCommon.INSTANCE;
        }
        List<String> modifiers = new ArrayList<>(item.modifiers.size());
        for (List<ExportClaimElements.Coding> modifier : item.modifiers) {
            for (ExportClaimElements.Coding coding : modifier) {
                if (coding.code() != null) {
                    modifiers.add(coding.code().toUpperCase(Locale.ROOT));
                    break;
                }
            }
        }
        LocalDate serviced = item.servicedDay;
        LocalDate date = serviced != null ? serviced : claimDate;
        String placeOfService = null;
        for (ExportClaimElements.Coding coding : item.location) {
            if (placeOfService == null && CodeSystems.PLACE_OF_SERVICE.equals(coding.system()) && coding.code() != null) {
                placeOfService = coding.code();
            }
        }
        Set<String> linked = new LinkedHashSet<>();
        for (int sequence : item.diagnosisSequence) {
            String diagnosis = bySequence.get(sequence);
            if (diagnosis != null) {
                linked.add(diagnosis);
            }
        }
        for (int sequence : item.procedureSequence) {
            itemDates.computeIfAbsent(sequence, k -> new HashSet<>()).add(date);
        }
        String first = item.product.isEmpty() || item.product.get(0).code() == null ? "" : item.product.get(0).code();
        indexed.add(new ExportClaim.IndexedItem(first, serviced != null ? item.servicedDate
                : claimStart == null ? "" : claimStart));
        return new ServiceLine(index, code.toUpperCase(Locale.ROOT), modifiers, item.quantity, date, placeOfService,
                List.copyOf(linked), null, SourcePaths.claimItem(index));
    }

    private static List<Diagnosis> diagnoses(List<ExportClaimElements.ClaimDiagnosis> diagnoses,
            Map<Integer, String> bySequence) {
        List<Diagnosis> read = new ArrayList<>(diagnoses.size());
        for (int i = 0; i < diagnoses.size(); i++) {
            ExportClaimElements.ClaimDiagnosis diagnosis = diagnoses.get(i);
            for (ExportClaimElements.Coding coding : diagnosis.codings()) {
                if (CodeSystems.ICD_10_CM.equals(coding.system()) && coding.code() != null) {
                    read.add(new Diagnosis(coding.code(), CodeSystems.ICD_10_CM,
                            "Claim.diagnosis[" + i + "].diagnosisCodeableConcept"));
                    bySequence.putIfAbsent(diagnosis.sequence(), coding.code());
                }
            }
        }
        return read;
    }

    /** A plain YYYY-MM-DD date that is a day of the calendar; null for null; else not of the shape. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        LocalDate date = plainDate(value);
        if (date == null) {
            throw NotCommon.INSTANCE;
        }
        return date;
    }

    /**
     * The day a {@code YYYY-MM-DD} string names, or null when it is not one (another form, no such day,
     * or a year before 1900, where HAPI's calendar and {@code LocalDate} could part ways). Read digit by
     * digit: {@code LocalDate.parse} costs about a microsecond, several times per claim.
     */
    static LocalDate plainDate(String value) {
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        if (year < 1900 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
