package org.chemoadvisor.fhir.terminology;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.OperationDefinition;

/**
 * The CapabilityStatement names this service (not HAPI) in {@code software}, and links
 * {@code Claim/$validate} to its full OperationDefinition, served from {@code /fhir}, instead of the
 * parameterless one HAPI derives from the method.
 */
@Interceptor
public class CapabilityStatementCustomizer {

    private final String name;
    private final String version;
    private final PublishedResources published;

    public CapabilityStatementCustomizer(String name, String version, PublishedResources published) {
        this.name = name;
        this.version = version;
        this.published = published;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance generated, RequestDetails request) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        statement.getSoftware().setName(name).setVersion(version);
        statement.getImplementation().setDescription(name);
        String base = request.getFhirServerBase();
        for (OperationDefinition definition : published.operationDefinitions()) {
            for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
                for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                    if (!definition.getResource().stream().anyMatch(type -> type.getValue().equals(resource.getType()))) {
                        continue;
                    }
                    for (CapabilityStatementRestResourceOperationComponent operation : resource.getOperation()) {
                        if (operation.getName().equals(definition.getCode())) {
                            operation.setDefinition(base + "/OperationDefinition/" + definition.getIdElement().getIdPart());
                        }
                    }
                }
            }
        }
    }
}
