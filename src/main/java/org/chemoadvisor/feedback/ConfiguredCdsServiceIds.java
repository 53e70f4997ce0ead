package org.chemoadvisor.feedback;

import org.springframework.stereotype.Component;

/** Service ids from {@code chemo.feedback.service-ids}. */
@Component
class ConfiguredCdsServiceIds implements CdsServiceIds {

    private final FeedbackProperties properties;

    ConfiguredCdsServiceIds(FeedbackProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean exists(String serviceId) {
        return properties.serviceIds().contains(serviceId);
    }
}
