package org.chemoadvisor.feedback;

/** Feedback addressed to a service id this service does not offer. */
public class UnknownServiceException extends RuntimeException {

    public UnknownServiceException(String serviceId) {
        super("No CDS service with id '" + serviceId + "'; see GET /cds-services");
    }
}
