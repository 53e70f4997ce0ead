package org.chemoadvisor.fhir.terminology;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * HAPI's CapabilityStatement provider, which also answers {@code GET /fhir/OperationDefinition/{id}}:
 * our published definitions (the full {@code Claim-validate}) first, HAPI's derived ones otherwise.
 */
public class PublishedOperationDefinitions extends ServerCapabilityStatementProvider {

    private final PublishedResources published;

    public PublishedOperationDefinitions(RestfulServer server, PublishedResources published) {
        super(server);
        this.published = published;
    }

    @Override
    @Read(typeName = "OperationDefinition")
    public IBaseResource readOperationDefinition(@IdParam IIdType id, RequestDetails request) {
        return PublishedResources.byId(published.operationDefinitions(), id.getIdPart())
                .<IBaseResource>map(definition -> definition)
                .orElseGet(() -> super.readOperationDefinition(id, request));
    }
}
