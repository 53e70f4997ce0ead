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
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.stereotype.Component;

/** {@code GET /fhir/ValueSet/{id}} and {@code GET /fhir/ValueSet?url=...} over the published ValueSets. */
@Component
class ValueSetProvider implements IResourceProvider, FhirOperationProvider {

    private final PublishedResources published;

    ValueSetProvider(PublishedResources published) {
        this.published = published;
    }

    @Override
    public Class<ValueSet> getResourceType() {
        return ValueSet.class;
    }

    @Read
    public ValueSet read(@IdParam IdType id) {
        return PublishedResources.byId(published.valueSets(), id.getIdPart())
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    @Search
    public List<ValueSet> search(@OptionalParam(name = ValueSet.SP_URL) UriParam url) {
        return PublishedResources.byUrl(published.valueSets(), url == null ? null : url.getValue());
    }
}
