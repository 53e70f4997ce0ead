package org.chemoadvisor.cdshooks;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request this service answers with a 4xx: the status, a short error code and a sentence for the caller. */
public class CdsHooksException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final List<String> missing;

    private CdsHooksException(HttpStatus status, String error, String message, List<String> missing) {
        super(message);
        this.status = status;
        this.error = error;
        this.missing = List.copyOf(missing);
    }

    public static CdsHooksException badRequest(String error, String message) {
        return new CdsHooksException(HttpStatus.BAD_REQUEST, error, message, List.of());
    }

    public static CdsHooksException unknownService(String id) {
        return new CdsHooksException(HttpStatus.NOT_FOUND, "unknown_service",
                "No CDS service with id '" + id + "'; GET /cds-services lists them", List.of());
    }

    /** The spec's answer when needed FHIR data could be got neither by prefetch nor from fhirServer. */
    public static CdsHooksException dataUnavailable(List<String> missing, String message) {
        return new CdsHooksException(HttpStatus.PRECONDITION_FAILED, "prefetch_unavailable", message, missing);
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public List<String> missing() {
        return missing;
    }
}
