package org.chemoadvisor.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Pattern;
import org.chemoadvisor.web.CallerText;
import org.chemoadvisor.web.ErrorOrigin;
import org.chemoadvisor.web.JsonReadProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a failed FHIR request tells the caller and the log. A body HAPI's parser chokes on
 * in a way HAPI does not report itself (a blank {@code resourceType} throws a plain
 * IllegalArgumentException) is the caller's error: 400. A 503 is the service refusing under load and is
 * answered like any refusal. Anything else unexpected is a 500 whose
 * OperationOutcome names no exception. The log gets the exception class and where it was thrown,
 * never its message (HAPI's messages quote the values they could not parse). HAPI's own
 * ExceptionHandlingInterceptor logs the messages, so application.yml silences it.
 */
@Interceptor
class FhirErrorInterceptor {

    private static final Logger log = LoggerFactory.getLogger(FhirErrorInterceptor.class);
    private static final int SERVER_ERROR = 500;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final int LONGEST_MESSAGE = 1000;
    /** "java.lang.NumberFormatException: " as HAPI's parser messages quote it. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)*[A-Z][\\w$]*Exception\\b:? ?");
    /** A value HAPI quotes back ("Incorrect Content-Type header value of "...""), cut as {@link CallerText} cuts. */
    private static final Pattern LONG_QUOTE =
            Pattern.compile("(\\\\?\")([^\"\\\\]{" + CallerText.LONGEST + "})[^\"]*\\1");
    /** "`com.fasterxml.jackson.databind.JsonNode`", a library class Jackson's messages name. */
    private static final Pattern CLASS_NAME = Pattern.compile("`?\\b(?:[a-z][\\w$]*\\.){2,}[A-Z][\\w$]*(?:\\.\\w+\\(\\))?`?");

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException classify(Throwable thrown) {
        // A 503 is a refusal too: the service declining work under load (ClaimValidateProvider), not a failure.
        if (thrown instanceof BaseServerResponseException known
                && (known.getStatusCode() < SERVER_ERROR || known.getStatusCode() == SERVICE_UNAVAILABLE)) {
            log.debug("FHIR request refused: {} {}", known.getStatusCode(), known.getClass().getSimpleName());
            return forCaller(known);
        }
        if (!(thrown instanceof BaseServerResponseException) && ErrorOrigin.thrownWithin(thrown, "ca.uhn.fhir.parser.")) {
            log.debug("FHIR request body could not be parsed: {}", ErrorOrigin.describe(thrown));
            return new InvalidRequestException("The body is not a valid FHIR R4 resource");
        }
        log.error("FHIR request failed: {}", ErrorOrigin.describe(thrown));
        return new InternalErrorException("The service could not process this request");
    }

    /**
     * HAPI's parser messages can name Java exceptions ("Invalid attribute value "x":
     * java.lang.NumberFormatException: ...") and library classes (Jackson's "`com.fasterxml...JsonNode`",
     * "`StreamReadConstraints.getMaxNestingDepth()`") and quote a value of any length back: the caller
     * gets the message without the names, cut to a readable length; a Jackson read limit in our words.
     */
    private static BaseServerResponseException forCaller(BaseServerResponseException known) {
        String message = known.getMessage();
        if (message == null || known.getOperationOutcome() != null) {
            return null;
        }
        if (JsonReadProblems.namesReadLimit(message)) {
            return BaseServerResponseException.newInstance(known.getStatusCode(), JsonReadProblems.limitMessage(message));
        }
        if (!(EXCEPTION_NAME.matcher(message).find() || CLASS_NAME.matcher(message).find()
                || LONG_QUOTE.matcher(message).find() || message.length() > LONGEST_MESSAGE)) {
            return null;
        }
        String cleaned = CLASS_NAME.matcher(EXCEPTION_NAME.matcher(message).replaceAll("")).replaceAll("a value");
        cleaned = LONG_QUOTE.matcher(cleaned).replaceAll("$1$2...$1");
        if (cleaned.length() > LONGEST_MESSAGE) {
            cleaned = cleaned.substring(0, LONGEST_MESSAGE) + "...";
        }
        return BaseServerResponseException.newInstance(known.getStatusCode(), cleaned);
    }
}
