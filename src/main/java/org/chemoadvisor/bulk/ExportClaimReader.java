package org.chemoadvisor.bulk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.chemoadvisor.facts.Diagnosis;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.fhir.CodeSystems;

/**
 * Reads a Claim line into an {@link ExportClaim} when it has the common shape of a professional
 * claims export, else answers null and the line goes through HAPI's parser and the Claim adapter.
 * HAPI's parse alone costs several times the rules, so a bulk review reads the lines it can with
 * Jackson; the shape is kept narrow enough that both readings give the same facts
 * ({@code ExportClaimReaderTest} holds every generated and example claim to that):
 *
 * <ul>
 *   <li>only the elements listed below, each with only the fields listed (no extensions, contained
 *       resources, narrative or meta); every string non-empty, and every code and system without
 *       surrounding spaces;</li>
 *   <li>dates are plain {@code YYYY-MM-DD}; quantities whole numbers from 1 to 9999; ids FHIR ids;
 *       references relative ({@code Type/id});</li>
 *   <li>every item coded in CPT or HCPCS and without bodySite or servicedPeriod, so the adapter would
 *       note nothing and throw nothing.</li>
 * </ul>
 */
final class ExportClaimReader {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RELATIVE = Pattern.compile("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}");

    private static final Set<String> CLAIM = Set.of("resourceType", "id", "identifier", "status", "type", "use",
            "patient", "billablePeriod", "created", "provider", "priority", "insurer", "diagnosis", "insurance", "item",
            "procedure");
    private static final Set<String> STATUS = Set.of("active", "cancelled", "draft", "entered-in-error");
    private static final Set<String> USE = Set.of("claim", "preauthorization", "predetermination");
    private static final Set<String> IDENTIFIER = Set.of("system", "value");
    private static final Set<String> REFERENCE = Set.of("reference", "display");
    private static final Set<String> PERIOD = Set.of("start", "end");
    private static final Set<String> CONCEPT = Set.of("coding", "text");
    private static final Set<String> CODING = Set.of("system", "code", "display");
    private static final Set<String> DIAGNOSIS = Set.of("sequence", "diagnosisCodeableConcept");
    private static final Set<String> INSURANCE = Set.of("sequence", "focal", "coverage");
    private static final Set<String> PROCEDURE = Set.of("sequence", "date", "procedureReference");
    private static final Set<String> ITEM = Set.of("sequence", "diagnosisSequence", "procedureSequence",
            "productOrService", "modifier", "servicedDate", "locationCodeableConcept", "quantity");
    private static final Set<String> QUANTITY = Set.of("value");

    /** Thrown (without a stack trace) when the line is not of the common shape. */
    private static final class NotCommon extends RuntimeException {
        private static final NotCommon INSTANCE = new NotCommon();

        private NotCommon() {
            super(null, null, false, false);
        }
    }

    private ExportClaimReader() {
    }

    /** The claim, or null when the line is not a Claim of the common shape (or not JSON). */
    static ExportClaim read(String line) {
        try {
            return claim(JSON.readTree(line));
        } catch (IOException | NotCommon e) {
            return null;
        }
    }

    private static ExportClaim claim(JsonNode claim) {
        if (!claim.isObject() || !"Claim".equals(claim.path("resourceType").textValue())) {
            throw NotCommon.INSTANCE;
        }
        only(claim, CLAIM);
        String id = matching(claim.get("id"), ID);
        ExportClaim.Identifier identifier = identifier(claim.get("identifier"));
        optional(claim.get("status"), STATUS);
        optional(claim.get("use"), USE);
        reference(claim.get("provider"));
        reference(claim.get("insurer"));
        String patient = reference(claim.get("patient"));
        if (patient == null || !patient.startsWith("Patient/")) {
            throw NotCommon.INSTANCE;
        }
        boolean professional = false;
        for (JsonNode coding : codings(claim.get("type"))) {
            professional |= CodeSystems.CLAIM_TYPE.equals(text(coding, "system")) && "professional".equals(
                    text(coding, "code"));
        }
        codings(claim.get("priority"));
        date(claim.get("created"));
        JsonNode period = claim.get("billablePeriod");
        String start = null;
        if (period != null) {
            only(period, PERIOD);
            start = text(period, "start");
            date(period.get("end"));
        }
        LocalDate claimDate = date(period == null ? null : period.get("start"));
        Map<Integer, String> bySequence = new HashMap<>();
        List<Diagnosis> diagnoses = diagnoses(claim.get("diagnosis"), bySequence);
        List<String> coverages = coverages(claim.get("insurance"));
        List<ExportClaim.ProcedureEntry> procedures = procedures(claim.get("procedure"));
        JsonNode items = claim.get("item");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw NotCommon.INSTANCE;
        }
        List<ServiceLine> lines = new ArrayList<>();
        List<ExportClaim.IndexedItem> indexed = new ArrayList<>();
        Map<Integer, Set<LocalDate>> itemDates = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), i, claimDate, bySequence, itemDates, indexed, start));
        }
        String dateOfService = start != null ? start
                : items.get(0).hasNonNull("servicedDate") ? items.get(0).get("servicedDate").textValue() : "";
        return new ExportClaim(id, identifier, patient, dateOfService, claimDate, lines, diagnoses, professional,
                procedures, coverages, itemDates, indexed);
    }

    private static ServiceLine line(JsonNode item, int index, LocalDate claimDate, Map<Integer, String> bySequence,
            Map<Integer, Set<LocalDate>> itemDates, List<ExportClaim.IndexedItem> indexed, String claimStart) {
        only(item, ITEM);
        positive(item.get("sequence"));
        List<JsonNode> product = codings(item.get("productOrService"));
        String code = null;
        for (JsonNode coding : product) {
            if (code == null && CodeSystems.PROCEDURE_CODES.contains(text(coding, "system"))
                    && text(coding, "code") != null) {
                code = text(coding, "code");
            }
        }
        if (code == null) {
            throw NotCommon.INSTANCE;
        }
        List<String> modifiers = new ArrayList<>();
        for (JsonNode modifier : array(item.get("modifier"))) {
            for (JsonNode coding : codings(modifier)) {
                if (text(coding, "code") != null) {
                    modifiers.add(text(coding, "code").toUpperCase(Locale.ROOT));
                    break;
                }
            }
        }
        LocalDate serviced = date(item.get("servicedDate"));
        LocalDate date = serviced != null ? serviced : claimDate;
        String placeOfService = null;
        for (JsonNode coding : codings(item.get("locationCodeableConcept"))) {
            if (placeOfService == null && CodeSystems.PLACE_OF_SERVICE.equals(text(coding, "system"))
                    && text(coding, "code") != null) {
                placeOfService = text(coding, "code");
            }
        }
        Set<String> linked = new LinkedHashSet<>();
        for (JsonNode sequence : array(item.get("diagnosisSequence"))) {
            String diagnosis = bySequence.get(positive(sequence));
            if (diagnosis != null) {
                linked.add(diagnosis);
            }
        }
        for (JsonNode sequence : array(item.get("procedureSequence"))) {
            itemDates.computeIfAbsent(positive(sequence), k -> new HashSet<>()).add(date);
        }
        String first = product.isEmpty() ? "" : product.get(0).path("code").asText("");
        indexed.add(new ExportClaim.IndexedItem(first, serviced != null ? item.get("servicedDate").textValue()
                : claimStart == null ? "" : claimStart));
        return new ServiceLine(index, code.toUpperCase(Locale.ROOT), modifiers, units(item.get("quantity")), date,
                placeOfService, List.copyOf(linked), null, SourcePaths.claimItem(index));
    }

    private static List<Diagnosis> diagnoses(JsonNode diagnoses, Map<Integer, String> bySequence) {
        List<Diagnosis> read = new ArrayList<>();
        List<JsonNode> all = array(diagnoses);
        for (int i = 0; i < all.size(); i++) {
            JsonNode diagnosis = all.get(i);
            only(diagnosis, DIAGNOSIS);
            int sequence = positive(diagnosis.get("sequence"));
            if (!diagnosis.has("diagnosisCodeableConcept")) {
                continue;
            }
            for (JsonNode coding : codings(diagnosis.get("diagnosisCodeableConcept"))) {
                String code = text(coding, "code");
                if (CodeSystems.ICD_10_CM.equals(text(coding, "system")) && code != null) {
                    read.add(new Diagnosis(code, CodeSystems.ICD_10_CM,
                            "Claim.diagnosis[" + i + "].diagnosisCodeableConcept"));
                    bySequence.putIfAbsent(sequence, code);
                }
            }
        }
        return read;
    }

    private static List<String> coverages(JsonNode insurance) {
        List<String> coverages = new ArrayList<>();
        for (JsonNode entry : array(insurance)) {
            only(entry, INSURANCE);
            positive(entry.get("sequence"));
            if (entry.has("focal") && !entry.get("focal").isBoolean()) {
                throw NotCommon.INSTANCE;
            }
            String reference = reference(entry.get("coverage"));
            if (reference != null && !RELATIVE.matcher(reference).matches()) {
                throw NotCommon.INSTANCE;
            }
            coverages.add(reference);
        }
        return coverages;
    }

    private static List<ExportClaim.ProcedureEntry> procedures(JsonNode procedures) {
        List<ExportClaim.ProcedureEntry> read = new ArrayList<>();
        for (JsonNode entry : array(procedures)) {
            only(entry, PROCEDURE);
            String reference = reference(entry.get("procedureReference"));
            if (reference == null || !RELATIVE.matcher(reference).matches()) {
                throw NotCommon.INSTANCE;
            }
            read.add(new ExportClaim.ProcedureEntry(positive(entry.get("sequence")), date(entry.get("date")), reference));
        }
        return read;
    }

    private static int units(JsonNode quantity) {
        if (quantity == null) {
            return 1;
        }
        only(quantity, QUANTITY);
        JsonNode value = quantity.get("value");
        if (value == null) {
            return 1;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1 || value.intValue() > 9999) {
            throw NotCommon.INSTANCE;
        }
        return value.intValue();
    }

    private static ExportClaim.Identifier identifier(JsonNode identifiers) {
        ExportClaim.Identifier first = null;
        for (JsonNode identifier : array(identifiers)) {
            only(identifier, IDENTIFIER);
            ExportClaim.Identifier read = new ExportClaim.Identifier(text(identifier, "system"),
                    text(identifier, "value"));
            first = first == null ? read : first;
        }
        return first == null || first.value() == null ? null : first;
    }

    /** The reference of a Reference with only reference and display, or null without one. */
    private static String reference(JsonNode reference) {
        if (reference == null) {
            return null;
        }
        only(reference, REFERENCE);
        text(reference, "display");
        return text(reference, "reference");
    }

    /** The codings of a CodeableConcept (none when it is absent), each with only system, code and display. */
    private static List<JsonNode> codings(JsonNode concept) {
        if (concept == null) {
            return List.of();
        }
        only(concept, CONCEPT);
        text(concept, "text");
        List<JsonNode> codings = array(concept.get("coding"));
        for (JsonNode coding : codings) {
            only(coding, CODING);
            text(coding, "display");
            trimmed(text(coding, "system"));
            trimmed(text(coding, "code"));
        }
        return codings;
    }

    private static List<JsonNode> array(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw NotCommon.INSTANCE;
        }
        List<JsonNode> elements = new ArrayList<>(node.size());
        node.forEach(elements::add);
        return elements;
    }

    /** A string field: null when absent; not of the shape when not a non-empty string. */
    private static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw NotCommon.INSTANCE;
        }
        return value.textValue();
    }

    private static void trimmed(String value) {
        if (value != null && (value.isBlank() || !value.strip().equals(value) || !value.trim().equals(value))) {
            throw NotCommon.INSTANCE;
        }
    }

    private static String matching(JsonNode value, Pattern pattern) {
        if (value == null || !value.isTextual() || !pattern.matcher(value.textValue()).matches()) {
            throw NotCommon.INSTANCE;
        }
        return value.textValue();
    }

    private static void optional(JsonNode value, Set<String> allowed) {
        if (value != null && (!value.isTextual() || !allowed.contains(value.textValue()))) {
            throw NotCommon.INSTANCE;
        }
    }

    private static int positive(JsonNode value) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw NotCommon.INSTANCE;
        }
        return value.intValue();
    }

    private static LocalDate date(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(matching(value, DATE));
        } catch (DateTimeParseException e) {
            throw NotCommon.INSTANCE;
        }
    }

    private static void only(JsonNode node, Set<String> fields) {
        if (!node.isObject()) {
            throw NotCommon.INSTANCE;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                throw NotCommon.INSTANCE;
            }
        }
    }
}
