package org.chemoadvisor.cdshooks.api;

import java.util.List;

public record CdsResponse(List<Card> cards) {

    public CdsResponse {
        cards = List.copyOf(cards);
    }

    public static CdsResponse empty() {
        return new CdsResponse(List.of());
    }
}
