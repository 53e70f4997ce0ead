package org.chemoadvisor.feedback;

/** Which CDS service ids exist, so feedback for any other id is refused with 404. */
public interface CdsServiceIds {

    boolean exists(String serviceId);
}
