package org.chemoadvisor.claim;

import org.chemoadvisor.web.CallerText;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.claim.AdaptedClaim.AdapterNote;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.web.JsonLimitCheck;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code $validate} request: the body (a Claim, a collection Bundle holding exactly one
 * Claim and the resources it references, or a Parameters with either as its {@code resource} part) and the options {@code structural} (boolean) and {@code profile} (medicare|commercial),
 * each from the query string or a Parameters part; a Parameters part wins.
 *
 * <p>Only what a claim submission carries is accepted ({@link SubmissionContent}): a definition
 * (StructureDefinition, ImplementationGuide, ValueSet...) in the request gets 422 naming it. A Bundle's
 * signature is set aside, with a note, before anything validates the Bundle.
 *
 * <p>The body is parsed again with a strict error handler: an element R4 does not define (such as
 * STU3's {@code Claim.item.service} or {@code Claim.organization}) means the Claim is not R4.
 */
@Component
public class ClaimRequestReader {

    static final String STRUCTURAL = "structural";
    static final String PROFILE = "profile";
    private static final String RESOURCE = "resource";

    private final FhirContext fhirContext;
    private final JsonLimitCheck jsonLimits;
    private final RepetitionLimits repetitionLimits;

    ClaimRequestReader(FhirContext fhirContext, JsonLimitCheck jsonLimits, RepetitionLimits repetitionLimits) {
        this.fhirContext = fhirContext;
        this.jsonLimits = jsonLimits;
        this.repetitionLimits = repetitionLimits;
    }

    public ClaimValidationRequest read(String body, EncodingEnum encoding, Map<String, String[]> query) {
        IBaseResource resource = parseStrictly(body, encoding);
        // The validator reads the caller's own JSON when that is exactly what it validates; else HAPI's encoding.
        String sentJson = encoding == EncodingEnum.XML ? null : body;
        boolean structural = booleanOption(firstValue(query, STRUCTURAL)).orElse(true);
        String profile = profileOption(firstValue(query, PROFILE));
        if (resource instanceof Parameters parameters) {
            repetitionLimits.checkTopLevel(parameters);
            resource = parameters.getParameter().stream()
                    .filter(p -> RESOURCE.equals(p.getName()) && p.hasResource())
                    .map(ParametersParameterComponent::getResource)
                    .findFirst()
                    .orElseThrow(() -> new InvalidRequestException(
                            "Parameters has no 'resource' part holding the Claim (or Bundle) to validate"));
            sentJson = null;
            structural = booleanOption(partValue(parameters, STRUCTURAL)).orElse(structural);
            String partProfile = profileOption(partValue(parameters, PROFILE));
            profile = partProfile != null ? partProfile : profile;
        }
        repetitionLimits.check(resource);
        if (resource instanceof Bundle bundle) {
            int entry = claimEntry(bundle);
            SubmissionContent.requireAccepted(bundle);
            List<AdapterNote> notes = withoutSignature(bundle);
            return new ClaimValidationRequest((Claim) bundle.getEntry().get(entry).getResource(), structural, profile,
                    bundle, entry, notes, notes.isEmpty() ? sentJson : null);
        }
        if (!(resource instanceof Claim claim)) {
            throw new InvalidRequestException("Claim/$validate expects a Claim or a collection Bundle holding one "
                    + "(or a Parameters with either in its 'resource' part), not " + resource.fhirType());
        }
        SubmissionContent.requireAccepted(claim);
        return new ClaimValidationRequest(claim, structural, profile, null, -1, List.of(), sentJson);
    }

    /**
     * Removes a Bundle's signature, and says so. This service checks coding, not who signed: HAPI's validator
     * would try to verify it (its own "work in progress" JOSE and XML-DSig code, certificate look-ups), work
     * the caller could make it do on every request for an answer nobody asked for.
     */
    private static List<AdapterNote> withoutSignature(Bundle bundle) {
        if (!bundle.hasSignature()) {
            return List.of();
        }
        bundle.setSignature(null);
        return List.of(new AdapterNote("Bundle.signature was not verified: this service checks the coding of the "
                + "Claim, not signatures; the signature was set aside before validation", "Bundle.signature"));
    }

    /**
     * The position of the one Claim in a collection Bundle.
     *
     * @throws UnusableClaimException (422) when the Bundle is not a collection or holds no Claim or several
     */
    static int claimEntry(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw new UnusableClaimException("A Bundle sent to Claim/$validate must be of type 'collection' (the Claim "
                    + "with its Procedures), not '" + (bundle.hasType() ? bundle.getType().toCode() : "missing") + "'",
                    "Bundle.type");
        }
        List<Integer> claims = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            if (bundle.getEntry().get(i).getResource() instanceof Claim) {
                claims.add(i);
            }
        }
        if (claims.size() != 1) {
            throw new UnusableClaimException("The Bundle must hold exactly one Claim; it holds " + claims.size()
                    + (claims.isEmpty() ? "" : " (entries " + claims + ")") + ": send one Claim per request",
                    claims.isEmpty() ? "Bundle.entry" : "Bundle.entry[" + claims.get(1) + "].resource");
        }
        return claims.get(0);
    }

    private IBaseResource parseStrictly(String body, EncodingEnum encoding) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("The request has no body: send a Claim");
        }
        if (encoding != EncodingEnum.XML) {
            jsonLimits.violation(body).ifPresent(message -> {
                throw new InvalidRequestException(message);
            });
        }
        IParser parser = (encoding == EncodingEnum.XML ? fhirContext.newXmlParser() : fhirContext.newJsonParser())
                .setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(body);
        } catch (DataFormatException e) {
            throw new InvalidRequestException("The body is not a valid FHIR R4 resource (is it another FHIR version?): "
                    + withoutHapiCode(e.getMessage()));
        } catch (RuntimeException e) {
            // HAPI's parser also throws plain runtime exceptions on some malformed input (see FhirJson).
            throw new InvalidRequestException("The body is not a valid FHIR R4 resource");
        }
    }

    private static Optional<Boolean> booleanOption(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new InvalidRequestException("Parameter 'structural' must be true or false, not '" + CallerText.quote(value) + "'");
        };
    }

    private static String profileOption(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return PolicyProfile.fromId(value).map(PolicyProfile::id).orElseThrow(() -> new InvalidRequestException(
                "Parameter 'profile' must be medicare or commercial, not '" + CallerText.quote(value) + "'"));
    }

    private static String firstValue(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String partValue(Parameters parameters, String name) {
        return parameters.getParameter().stream()
                .filter(p -> name.equals(p.getName()) && p.getValue() instanceof IPrimitiveType<?>)
                .map(p -> ((IPrimitiveType<?>) p.getValue()).getValueAsString())
                .findFirst().orElse(null);
    }

    /** HAPI prefixes its messages with an internal code ("HAPI-1825: "); callers need only the text. */
    private static String withoutHapiCode(String message) {
        return message == null ? "" : message.replaceFirst("^HAPI-\\d+: ", "");
    }
}
