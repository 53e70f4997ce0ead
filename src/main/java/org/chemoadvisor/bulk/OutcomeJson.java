package org.chemoadvisor.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.chemoadvisor.claim.ClaimOutcomeRenderer;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleIds;

/**
 * The OperationOutcome of a claim checked by {@link ExportClaimCheck}, written as HAPI's JSON
 * parser encodes the one {@code ClaimOutcomeRenderer} renders for the same findings: the same
 * elements in the same order, so that {@code outcomes.ndjson} is byte for byte what the HAPI path
 * writes ({@code ExportClaimEquivalenceTest}). Rules-only, and the claim's expressions point into
 * the collection Bundle it is checked in, where the Claim is entry 0.
 */
final class OutcomeJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String CLAIM_ROOT = "Bundle.entry[0].resource";

    private OutcomeJson() {
    }

    /** The expression of a finding's location in the Bundle: {@code Claim.item[1]} becomes {@code Bundle.entry[0].resource.item[1]}. */
    static String inBundle(String location) {
        if (location != null && (location.equals("Claim") || location.startsWith("Claim."))) {
            return CLAIM_ROOT + location.substring("Claim".length());
        }
        return location;
    }

    /**
     * @param reported the findings as the review reports them, in the same order: their text, diagnostics and
     *     severity are written as they were made for findings.csv, not made again
     */
    static String write(String id, ExportClaim.Identifier identifier, List<Finding> findings,
            List<ReportedFinding> reported) {
        StringWriter out = new StringWriter(256 + 512 * findings.size());
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("resourceType", "OperationOutcome");
            json.writeStringField("id", id);
            if (identifier != null) {
                json.writeArrayFieldStart("extension");
                json.writeStartObject();
                json.writeStringField("url", ReviewedClaim.CLAIM_IDENTIFIER);
                json.writeObjectFieldStart("valueIdentifier");
                optional(json, "system", identifier.system());
                optional(json, "value", identifier.value());
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("issue");
            if (findings.isEmpty()) {
                json.writeStartObject();
                json.writeStringField("severity", "information");
                json.writeStringField("code", "informational");
                json.writeStringField("diagnostics", ClaimOutcomeRenderer.NO_ISSUES);
                json.writeEndObject();
            }
            for (int i = 0; i < findings.size(); i++) {
                issue(json, findings.get(i), reported.get(i));
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void issue(JsonGenerator json, Finding finding, ReportedFinding reported)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("severity", reported.severity());
        json.writeStringField("code", "business-rule");
        json.writeObjectFieldStart("details");
        json.writeArrayFieldStart("coding");
        json.writeStartObject();
        json.writeStringField("system", RuleIds.SYSTEM);
        optional(json, "code", finding.ruleId());
        optional(json, "display", finding.summary());
        json.writeEndObject();
        json.writeEndArray();
        optional(json, "text", reported.text());
        json.writeEndObject();
        optional(json, "diagnostics", reported.source());
        if (!finding.locations().isEmpty()) {
            json.writeArrayFieldStart("expression");
            for (String location : finding.locations()) {
                json.writeString(inBundle(location));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            json.writeStringField(field, value);
        }
    }
}
