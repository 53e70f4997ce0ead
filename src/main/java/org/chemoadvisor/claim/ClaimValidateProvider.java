package org.chemoadvisor.claim;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chemoadvisor.fhir.FhirOperationProvider;
import org.chemoadvisor.fhir.ValidatorsBusyException;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code POST /fhir/Claim/$validate}: answers 200 with one OperationOutcome (structural issues and
 * coding findings). A body that is not an R4 Claim gets 400, a declared {@code fhirVersion} other
 * than 4.0 gets 415, a Claim that cannot be checked (no item, units not a whole number of at
 * least 1; a Bundle that is not a collection or does not hold exactly one Claim) gets 422 naming
 * the element.
 */
@Component
class ClaimValidateProvider implements FhirOperationProvider {

    private static final Pattern FHIR_VERSION = Pattern.compile("fhirVersion\\s*=\\s*\"?([^;\"\\s]+)");
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;
    private static final int SERVICE_UNAVAILABLE = 503;

    private final ClaimRequestReader reader;
    private final ClaimValidationService service;
    private final FhirContext fhirContext;

    ClaimValidateProvider(ClaimRequestReader reader, ClaimValidationService service, FhirContext fhirContext) {
        this.reader = reader;
        this.service = service;
        this.fhirContext = fhirContext;
    }

    /** {@link ClaimRequestReader} parses the body strictly and within limits; HAPI's lenient parse would be wasted. */
    @Override
    public boolean parsesItsOwnRequestBody() {
        return true;
    }

    @Validate(type = Claim.class)
    public MethodOutcome validate(@ResourceParam String body, @ResourceParam EncodingEnum encoding,
            RequestDetails requestDetails) {
        requireR4(requestDetails.getHeader(Constants.HEADER_CONTENT_TYPE));
        ClaimValidationRequest request = null;
        try {
            request = reader.read(body, encoding, requestDetails.getParameters());
            return new MethodOutcome().setOperationOutcome(service.validate(request));
        } catch (UnusableClaimException e) {
            throw new UnprocessableEntityException(fhirContext, ClaimCheck.unusable(e, request));
        } catch (ValidatorsBusyException e) {
            throw busy(e);
        }
    }

    /** 503, as FHIR's "transient" issue: the Claim was not checked and may be sent again. */
    private static UnclassifiedServerFailureException busy(ValidatorsBusyException e) {
        String message = "Every structural validator stayed busy for " + e.maxWait().toMillis()
                + " ms (chemo.validator.max-wait); the Claim was not checked. Send it again, or with "
                + "structural=false for the coding rules alone.";
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.TRANSIENT).setDiagnostics(message);
        UnclassifiedServerFailureException refusal =
                new UnclassifiedServerFailureException(SERVICE_UNAVAILABLE, message, outcome);
        refusal.addResponseHeader("Retry-After", Long.toString(Math.max(1, e.maxWait().toSeconds())));
        return refusal;
    }

    private static void requireR4(String contentType) {
        if (contentType == null) {
            return;
        }
        Matcher version = FHIR_VERSION.matcher(contentType);
        if (version.find() && !version.group(1).startsWith("4.0")) {
            throw new UnclassifiedServerFailureException(UNSUPPORTED_MEDIA_TYPE, "This server speaks FHIR R4 (4.0); "
                    + "the request declares fhirVersion=" + version.group(1));
        }
    }
}
