package org.chemoadvisor.fhir.terminology;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The CodeSystem of rule IDs, the ValueSets the rules read and the definition of Claim/$validate, as packaged in the jar
 * ({@code fhir-resources/}): published at {@code /fhir} so that their canonical URLs, quoted in
 * every finding that rests on them, can be looked up on this service.
 */
@Component
public class PublishedResources {

    /** The canonical base of this service's own conformance resources. */
    public static final String CANONICAL_BASE = "http://chemoadvisor.org/fhir/";

    private final List<CodeSystem> codeSystems;
    private final List<ValueSet> valueSets;
    private final List<OperationDefinition> operationDefinitions;

    public PublishedResources(FhirContext fhirContext) {
        this.codeSystems = read(fhirContext, "CodeSystem", CodeSystem.class);
        this.valueSets = read(fhirContext, "ValueSet", ValueSet.class);
        this.operationDefinitions = read(fhirContext, "OperationDefinition", OperationDefinition.class);
    }

    public List<OperationDefinition> operationDefinitions() {
        return operationDefinitions;
    }

    public List<CodeSystem> codeSystems() {
        return codeSystems;
    }

    public List<ValueSet> valueSets() {
        return valueSets;
    }

    static <T extends MetadataResource> Optional<T> byId(List<T> resources, String id) {
        return resources.stream().filter(r -> r.getIdElement().getIdPart().equals(id)).findFirst();
    }

    static <T extends MetadataResource> List<T> byUrl(List<T> resources, String url) {
        return url == null ? resources : resources.stream().filter(r -> url.equals(r.getUrl())).toList();
    }

    private static <T extends MetadataResource> List<T> read(FhirContext context, String type, Class<T> kind) {
        List<T> found = new ArrayList<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:fhir-resources/" + type + "-*.json")) {
                try (InputStream in = file.getInputStream()) {
                    found.add(context.newJsonParser().parseResource(kind, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fhir-resources/" + type + "-*.json in the jar", e);
        }
        found.sort(Comparator.comparing(MetadataResource::getUrl));
        return List.copyOf(found);
    }
}
