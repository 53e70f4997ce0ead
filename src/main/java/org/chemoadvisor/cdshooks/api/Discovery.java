package org.chemoadvisor.cdshooks.api;

import java.util.List;

/** The discovery document ({@code GET /cds-services}). */
public record Discovery(List<CdsServiceDefinition> services) {

    public Discovery {
        services = List.copyOf(services);
    }
}
