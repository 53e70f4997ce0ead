package org.chemoadvisor.bulk;

import static org.chemoadvisor.bulk.ExportJson.expect;
import static org.chemoadvisor.bulk.ExportJson.field;
import static org.chemoadvisor.bulk.ExportJson.ignoredString;
import static org.chemoadvisor.bulk.ExportJson.string;
import static org.chemoadvisor.bulk.ExportJson.trimmed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.bulk.ExportJson.NotCommon;

/**
 * The elements of a Claim line as {@link ExportClaimReader} takes them from Jackson's streaming
 * parser: each element a switch over the fields it allows, anything else not of the common shape.
 * Values are checked here (strings non-empty, codes trimmed, whole numbers, no nulls, no empty
 * arrays); what they mean is the reader's business.
 */
final class ExportClaimElements {

    private static final Set<String> STATUS = Set.of("active", "cancelled", "draft", "entered-in-error");
    private static final Set<String> USE = Set.of("claim", "preauthorization", "predetermination");

    record Coding(String system, String code) {
    }

    record ClaimDiagnosis(int sequence, List<Coding> codings) {
    }

    /** The Claim's elements as read; the lists are empty when the element is absent. */
    static final class Claim {
        String resourceType;
        String id;
        ExportClaim.Identifier identifier;
        String patient;
        String start;
        LocalDate startDay;
        List<Coding> type = List.of();
        List<ClaimDiagnosis> diagnoses = List.of();
        List<String> coverages = List.of();
        List<ExportClaim.ProcedureEntry> procedures = List.of();
        List<Item> items = List.of();
    }

    static final class Item {
        List<Coding> product = List.of();
        List<List<Coding>> modifiers = List.of();
        String servicedDate;
        LocalDate servicedDay;
        List<Coding> location = List.of();
        int quantity = 1;
        List<Integer> diagnosisSequence = List.of();
        List<Integer> procedureSequence = List.of();
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    private ExportClaimElements() {
    }

    static Claim claim(JsonParser parser) throws IOException {
        parser.nextToken();
        expect(parser, JsonToken.START_OBJECT);
        Claim claim = new Claim();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "resourceType" -> claim.resourceType = string(parser);
                case "id" -> claim.id = id(string(parser));
                case "identifier" -> claim.identifier = array(parser, ExportClaimElements::identifier).get(0);
                case "status" -> oneOf(string(parser), STATUS);
                case "use" -> oneOf(string(parser), USE);
                case "type" -> claim.type = concept(parser);
                case "priority" -> concept(parser);
                case "patient" -> claim.patient = reference(parser);
                case "provider", "insurer" -> reference(parser);
                case "billablePeriod" -> claim.start = period(parser);
                case "created" -> ExportClaimReader.date(string(parser));
                case "diagnosis" -> claim.diagnoses = array(parser, ExportClaimElements::diagnosis);
                case "insurance" -> claim.coverages = array(parser, ExportClaimElements::coverage);
                case "procedure" -> claim.procedures = array(parser, ExportClaimElements::procedure);
                case "item" -> claim.items = array(parser, ExportClaimElements::item);
                default -> throw NotCommon.INSTANCE;
            }
        }
        claim.startDay = ExportClaimReader.date(claim.start);
        return claim;
    }

    private static Item item(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Item item = new Item();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "sequence" -> positive(parser);
                case "diagnosisSequence" -> item.diagnosisSequence = array(parser, ExportClaimElements::positive);
                case "procedureSequence" -> item.procedureSequence = array(parser, ExportClaimElements::positive);
                case "productOrService" -> item.product = concept(parser);
                case "modifier" -> item.modifiers = array(parser, ExportClaimElements::concept);
                case "servicedDate" -> item.servicedDate = string(parser);
                case "locationCodeableConcept" -> item.location = concept(parser);
                case "quantity" -> item.quantity = quantity(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        item.servicedDay = ExportClaimReader.date(item.servicedDate);
        return item;
    }

    /** The units of a Quantity with only a value: 1 without one; a whole number from 1 to 9999. */
    private static int quantity(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        int units = 1;
        while (field(parser)) {
            if (!parser.currentName().equals("value")) {
                throw NotCommon.INSTANCE;
            }
            units = positive(parser);
            if (units > 9999) {
                throw NotCommon.INSTANCE;
            }
        }
        return units;
    }

    private static ClaimDiagnosis diagnosis(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Integer sequence = null;
        List<Coding> codings = List.of();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "sequence" -> sequence = positive(parser);
                case "diagnosisCodeableConcept" -> codings = concept(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        if (sequence == null) {
            throw NotCommon.INSTANCE;
        }
        return new ClaimDiagnosis(sequence, codings);
    }

    /** The coverage reference of an insurance (null without one); relative when given. */
    private static String coverage(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        boolean sequenced = false;
        String coverage = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "sequence" -> sequenced = positive(parser) > 0;
                case "focal" -> {
                    if (!parser.currentToken().isBoolean()) {
                        throw NotCommon.INSTANCE;
                    }
                }
                case "coverage" -> coverage = reference(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        if (!sequenced || (coverage != null && !FhirIds.isRelativeReference(coverage))) {
            throw NotCommon.INSTANCE;
        }
        return coverage;
    }

    private static ExportClaim.ProcedureEntry procedure(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Integer sequence = null;
        String date = null;
        String reference = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "sequence" -> sequence = positive(parser);
                case "date" -> date = string(parser);
                case "procedureReference" -> reference = reference(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        if (sequence == null || reference == null || !FhirIds.isRelativeReference(reference)) {
            throw NotCommon.INSTANCE;
        }
        return new ExportClaim.ProcedureEntry(sequence, ExportClaimReader.date(date), reference);
    }

    private static ExportClaim.Identifier identifier(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        String system = null;
        String value = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "system" -> system = string(parser);
                case "value" -> value = string(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        return new ExportClaim.Identifier(system, value);
    }

    /** A Period's start, as written; its end must be a plain date. */
    private static String period(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        String start = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "start" -> start = string(parser);
                case "end" -> ExportClaimReader.date(string(parser));
                default -> throw NotCommon.INSTANCE;
            }
        }
        return start;
    }

    /** The reference of a Reference with only reference and display, or null without one. */
    private static String reference(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        String reference = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "reference" -> reference = string(parser);
                case "display" -> ignoredString(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        return reference;
    }

    /** The codings of a CodeableConcept, each with only system, code and display. */
    private static List<Coding> concept(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        List<Coding> codings = List.of();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "coding" -> codings = array(parser, ExportClaimElements::coding);
                case "text" -> ignoredString(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        return codings;
    }

    private static Coding coding(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        String system = null;
        String code = null;
        while (field(parser)) {
            switch (parser.currentName()) {
                case "system" -> system = trimmed(parser);
                case "code" -> code = trimmed(parser);
                case "display" -> ignoredString(parser);
                default -> throw NotCommon.INSTANCE;
            }
        }
        return new Coding(system, code);
    }

    /** A non-empty array, each element read by {@code element} from its first token. */
    private static <T> List<T> array(JsonParser parser, Reader<T> element) throws IOException {
        expect(parser, JsonToken.START_ARRAY);
        List<T> elements = new ArrayList<>(4);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(element.read(parser));
        }
        if (elements.isEmpty()) {
            throw NotCommon.INSTANCE;
        }
        return elements;
    }

    private static int positive(JsonParser parser) throws IOException {
        expect(parser, JsonToken.VALUE_NUMBER_INT);
        if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < 1) {
            throw NotCommon.INSTANCE;
        }
        return parser.getIntValue();
    }

    private static String id(String value) {
        if (!FhirIds.isId(value)) {
            throw NotCommon.INSTANCE;
        }
        return value;
    }

    private static void oneOf(String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw NotCommon.INSTANCE;
        }
    }
}
