package org.chemoadvisor.cdshooks;

import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsResponse;
import org.chemoadvisor.cdshooks.api.Discovery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** CDS Hooks 2.0 discovery and service calls. */
@RestController
public class CdsServicesController {

    private final CdsServiceCatalog catalog;
    private final CdsHooksService service;

    public CdsServicesController(CdsServiceCatalog catalog, CdsHooksService service) {
        this.catalog = catalog;
        this.service = service;
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    public Discovery discovery() {
        return catalog.discovery();
    }

    // No "consumes"/"produces": a wrong or missing media type then fails inside the handler, where
    // CdsErrorHandler answers it in the documented {"error","message"} shape.
    @PostMapping(path = "/cds-services/{id}")
    public CdsResponse call(@PathVariable("id") String id, @RequestBody CdsRequest request) {
        return service.call(id, request);
    }
}
