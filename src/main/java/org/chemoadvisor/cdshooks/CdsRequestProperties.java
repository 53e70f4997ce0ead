package org.chemoadvisor.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cds.*} request settings.
 *
 * @param maxRequestSize  the largest CDS Hooks request body (service calls and feedback)
 * @param limits          how many resources and repetitions a service call may carry
 */
@ConfigurationProperties("cds")
public record CdsRequestProperties(@DefaultValue("5MB") DataSize maxRequestSize, @DefaultValue Limits limits) {

    /**
     * {@code cds.limits.*}: checked on the request's JSON before any FHIR parsing; over a limit is 400.
     *
     * @param maxResources    most entries in a Bundle the service reads (context.draftOrders, the
     *                        prefetched Procedures, Conditions, Coverage) and most context.selections
     * @param maxRepetitions  most repetitions of any other element of those resources
     *                        (ServiceRequest.orderDetail, bodySite, reasonCode, coding, extension, ...)
     */
    public record Limits(@DefaultValue("200") int maxResources, @DefaultValue("50") int maxRepetitions) {

        public Limits {
            if (maxResources < 1) {
                throw new IllegalArgumentException("cds.limits.max-resources must be at least 1, not " + maxResources);
            }
            if (maxRepetitions < 1) {
                throw new IllegalArgumentException("cds.limits.max-repetitions must be at least 1, not " + maxRepetitions);
            }
        }
    }
}
