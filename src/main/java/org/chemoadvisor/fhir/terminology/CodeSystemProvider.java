package org.chemoadvisor.fhir.terminology;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.chemoadvisor.fhir.FhirOperationProvider;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/CodeSystem/{id}} and {@code GET /fhir/CodeSystem?url=...} over the published CodeSystems. */
@Component
class CodeSystemProvider implements IResourceProvider, FhirOperationProvider {

    private final PublishedResources published;

    CodeSystemProvider(PublishedResources published) {
        this.published = published;
    }

    @Override
    public Class<CodeSystem> getResourceType() {
        return CodeSystem.class;
    }

    @Read
    public CodeSystem read(@IdParam IdType id) {
        return PublishedResources.byId(published.codeSystems(), id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<CodeSystem> search(@OptionalParam(name = CodeSystem.SP_URL) UriParam url) {
        return PublishedResources.byUrl(published.codeSystems(), url == null ? null : url.getValue());
    }
}
