package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record Suggestion(String label, String uuid, @JsonProperty("isRecommended") boolean isRecommended,
        List<Action> actions) {

    public Suggestion {
        actions = List.copyOf(actions);
    }
}
