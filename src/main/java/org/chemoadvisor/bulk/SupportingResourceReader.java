package org.chemoadvisor.bulk;

import static org.chemoadvisor.bulk.ExportJson.expect;
import static org.chemoadvisor.bulk.ExportJson.field;
import static org.chemoadvisor.bulk.ExportJson.nonEmpty;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.chemoadvisor.bulk.ExportJson.NotCommon;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds the Procedure, Coverage and Patient of an export line of the common shape straight into
 * HAPI's model, without HAPI's parser (which costs several times what the rules do per claim); any
 * other line answers null and is parsed by HAPI. The shape allows only the elements below, every
 * string non-empty and without surrounding spaces, dates plain {@code YYYY-MM-DD}, codes from the
 * element's value set, so the resource built is the one HAPI would parse
 * ({@code SupportingResourceReaderTest} compares their encodings for every generated line):
 *
 * <ul>
 *   <li>Procedure: id, status, code, subject, performedDateTime, bodySite;</li>
 *   <li>Coverage: id, status, beneficiary, payor;</li>
 *   <li>Patient: id, gender, birthDate.</li>
 * </ul>
 * Used for rules-only reviews; a review with structural validation parses every line with HAPI.
 */
final class SupportingResourceReader {

    private static final Set<String> PROCEDURE_STATUS = Arrays.stream(Procedure.ProcedureStatus.values())
            .filter(status -> status != Procedure.ProcedureStatus.NULL).map(Procedure.ProcedureStatus::toCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COVERAGE_STATUS = Arrays.stream(Coverage.CoverageStatus.values())
            .filter(status -> status != Coverage.CoverageStatus.NULL).map(Coverage.CoverageStatus::toCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> GENDER = Arrays.stream(AdministrativeGender.values())
            .filter(gender -> gender != AdministrativeGender.NULL).map(AdministrativeGender::toCode)
            .collect(Collectors.toUnmodifiableSet());

    private SupportingResourceReader() {
    }

    /** The resource, or null when the line is not one of the three of the common shape. */
    static Resource read(String line) {
        return ExportJson.read(line, SupportingResourceReader::read);
    }

    /** As {@link #read(String)}, for the line's UTF-8 bytes (what the review reads). */
    static Resource read(byte[] line) {
        return ExportJson.read(line, SupportingResourceReader::read);
    }

    private static Resource read(JsonParser parser) throws IOException {
        parser.nextToken();
        expect(parser, JsonToken.START_OBJECT);
        if (!field(parser) || !parser.currentName().equals("resourceType")) {
            return null;
        }
        Resource resource = switch (ExportJson.trimmed(parser)) {
            case "Procedure" -> procedure(parser);
            case "Coverage" -> coverage(parser);
            case "Patient" -> patient(parser);
            default -> null;
        };
        return resource != null && resource.getIdElement().hasIdPart() && parser.nextToken() == null
                ? resource : null;
    }

    private static Procedure procedure(JsonParser parser) throws IOException {
        Procedure procedure = new Procedure();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "id" -> procedure.setId(id(parser));
                case "status" -> procedure.setStatus(Procedure.ProcedureStatus.fromCode(code(parser, PROCEDURE_STATUS)));
                case "code" -> procedure.setCode(concept(parser));
                case "subject" -> procedure.setSubject(reference(parser));
                case "performedDateTime" -> procedure.setPerformed(new DateTimeType(date(parser)));
                case "bodySite" -> {
                    array(parser);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        procedure.addBodySite(concept(parser));
                    }
                    nonEmpty(procedure.getBodySite().size());
                }
                default -> throw NotCommon.INSTANCE;
            }
        }
        return procedure;
    }

    private static Coverage coverage(JsonParser parser) throws IOException {
        Coverage coverage = new Coverage();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "id" -> coverage.setId(id(parser));
                case "status" -> coverage.setStatus(Coverage.CoverageStatus.fromCode(code(parser, COVERAGE_STATUS)));
                case "beneficiary" -> coverage.setBeneficiary(reference(parser));
                case "payor" -> {
                    array(parser);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        coverage.addPayor(reference(parser));
                    }
                    nonEmpty(coverage.getPayor().size());
                }
                default -> throw NotCommon.INSTANCE;
            }
        }
        return coverage;
    }

    private static Patient patient(JsonParser parser) throws IOException {
        Patient patient = new Patient();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "id" -> patient.setId(id(parser));
                case "gender" -> patient.setGender(AdministrativeGender.fromCode(code(parser, GENDER)));
                case "birthDate" -> patient.setBirthDateElement(new DateType(date(parser)));
                default -> throw NotCommon.INSTANCE;
            }
        }
        return patient;
    }

    private static CodeableConcept concept(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        CodeableConcept concept = new CodeableConcept();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "text" -> concept.setText(ExportJson.trimmed(parser));
                case "coding" -> {
                    array(parser);
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        concept.addCoding(coding(parser));
                    }
                    nonEmpty(concept.getCoding().size());
                }
                default -> throw NotCommon.INSTANCE;
            }
        }
        nonEmpty(concept.isEmpty() ? 0 : 1);
        return concept;
    }

    private static Coding coding(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Coding coding = new Coding();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "system" -> coding.setSystem(ExportJson.trimmed(parser));
                case "code" -> coding.setCode(ExportJson.trimmed(parser));
                case "display" -> coding.setDisplay(ExportJson.trimmed(parser));
                default -> throw NotCommon.INSTANCE;
            }
        }
        nonEmpty(coding.isEmpty() ? 0 : 1);
        return coding;
    }

    private static Reference reference(JsonParser parser) throws IOException {
        expect(parser, JsonToken.START_OBJECT);
        Reference reference = new Reference();
        while (field(parser)) {
            switch (parser.currentName()) {
                case "reference" -> reference.setReference(ExportJson.trimmed(parser));
                case "display" -> reference.setDisplay(ExportJson.trimmed(parser));
                default -> throw NotCommon.INSTANCE;
            }
        }
        nonEmpty(reference.isEmpty() ? 0 : 1);
        return reference;
    }

    private static String id(JsonParser parser) throws IOException {
        String id = ExportJson.trimmed(parser);
        if (!FhirIds.isId(id)) {
            throw NotCommon.INSTANCE;
        }
        return id;
    }

    private static String code(JsonParser parser, Set<String> allowed) throws IOException {
        String code = ExportJson.trimmed(parser);
        if (!allowed.contains(code)) {
            throw NotCommon.INSTANCE;
        }
        return code;
    }

    private static String date(JsonParser parser) throws IOException {
        String date = ExportJson.trimmed(parser);
        ExportClaimReader.date(date);
        return date;
    }

    private static void array(JsonParser parser) {
        expect(parser, JsonToken.START_ARRAY);
    }

}
