package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.chemoadvisor.web.BodyLimits;
import org.chemoadvisor.web.BodyPolicyFilter;
import org.chemoadvisor.web.BodyRefusal;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@link BodyPolicyFilter} for {@code /fhir}: refusals are OperationOutcomes; those found while
 * reading are thrown as HAPI exceptions, which HAPI renders with their status.
 */
class FhirBodyPolicyFilter extends BodyPolicyFilter {

    private final FhirContext fhirContext;

    FhirBodyPolicyFilter(FhirContext fhirContext, BodyLimits limits) {
        super(limits);
        this.fhirContext = fhirContext;
    }

    /** FHIR takes a form only for a search ({@code POST [type]/_search}); every other body is a resource. */
    @Override
    protected boolean refusesFormBodies(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) && (path == null || !path.endsWith("/_search"));
    }

    @Override
    protected String formBodyMessage() {
        return "Send the resource as application/fhir+json or application/fhir+xml, not as a form or a "
                + "wildcard type (curl -d sends application/x-www-form-urlencoded: add -H 'Content-Type: application/fhir+json')";
    }

    @Override
    protected BaseServerResponseException exception(BodyRefusal refusal, String message) {
        return switch (refusal) {
            case TOO_LARGE -> new PayloadTooLargeException(message);
            case MALFORMED_ENCODING -> new InvalidRequestException(message);
            default -> new UnclassifiedServerFailureException(refusal.status(), message);
        };
    }

    @Override
    protected void writeRefusal(HttpServletResponse response, BodyRefusal refusal, String message) throws IOException {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(refusal))
                .setDiagnostics(message);
        byte[] body = fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
        response.setStatus(refusal.status());
        response.setContentType(Constants.CT_FHIR_JSON_NEW + ";charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static IssueType issueType(BodyRefusal refusal) {
        return switch (refusal) {
            case TOO_LARGE -> IssueType.TOOLONG;
            case TOO_SLOW -> IssueType.TIMEOUT;
            case UNSUPPORTED_ENCODING, FORM_BODY -> IssueType.NOTSUPPORTED;
            case MALFORMED_ENCODING -> IssueType.INVALID;
        };
    }
}
