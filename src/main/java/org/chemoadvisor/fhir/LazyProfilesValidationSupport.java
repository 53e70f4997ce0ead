package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.util.FhirTerser;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's built-in R4 definitions, listing only the base types and resources (derivation
 * {@code specialization}) as "all structure definitions"; the constraint profiles and extension
 * definitions of the core specification (441 of 649) are still served by URL, on demand.
 *
 * <p>Why: the first use of the validator's worker context asks for every structure definition
 * ({@code FHIRPathEngine} and {@code ProfileUtilities} index the types) and converts each one to R5 and
 * keeps it. Listing only the specializations, which is all that index keeps, avoids converting and
 * holding ~22 MB of R5 profiles and extensions that a Claim never names; one that is named (an
 * extension URL, a declared profile) is fetched by URL and converted then, as before. That the messages
 * stay those of the full list is tested ({@code LazyProfilesValidationSupportTest}).
 */
final class LazyProfilesValidationSupport extends DefaultProfileValidationSupport {

    private final FhirTerser terser;
    private volatile List<IBaseResource> specializations;

    LazyProfilesValidationSupport(FhirContext fhirContext) {
        super(fhirContext);
        this.terser = fhirContext.newTerser();
    }

    @Override
    public String getName() {
        return "chemo-lazy-profiles";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        List<IBaseResource> listed = specializations;
        if (listed == null) {
            List<IBaseResource> all = super.fetchAllStructureDefinitions();
            listed = all.stream().filter(this::isSpecialization).toList();
            specializations = listed;
        }
        return (List<T>) listed;
    }

    private boolean isSpecialization(IBaseResource structureDefinition) {
        return "specialization".equals(terser.getSinglePrimitiveValueOrNull(structureDefinition, "derivation"));
    }
}
