package org.chemoadvisor.feedback;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chemo.feedback.*}: the service ids that accept feedback. */
@ConfigurationProperties("chemo.feedback")
public record FeedbackProperties(
        @DefaultValue({"chemodenervation-order-select", "chemodenervation-order-sign",
                "chemodenervation-encounter-discharge"}) List<String> serviceIds) {

    public FeedbackProperties {
        serviceIds = List.copyOf(serviceIds);
    }
}
