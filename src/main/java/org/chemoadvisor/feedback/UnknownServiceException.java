package org.chemoadvisor.feedback;

import org.chemoadvisor.web.CallerText;

/** Feedback addressed to a service id this service does not offer. */
public class UnknownServiceException extends RuntimeException {

    public UnknownServiceException(String serviceId) {
        super("No CDS service with id '" + CallerText.quote(serviceId) + "'; see GET /cds-services");
    }
}
