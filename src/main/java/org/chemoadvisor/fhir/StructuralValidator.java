package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against the base R4 specification, built once (it is expensive) and
 * shared; {@link FhirValidator} is thread-safe.
 *
 * <p>Billing code systems (CPT, HCPCS, ICD-10-CM, CMS place of service) are not available to a
 * local validator. Its messages about them ("CodeSystem is unknown and can't be validated",
 * information or, depending on the settings, a warning or an error) are left out: one per coded
 * element, they would drown the coding findings and tell the caller nothing it can act on.
 *
 * <p>Known cost: HAPI 8.8.0 builds a new {@code InstanceValidator} per validation (the builder in
 * {@code ValidatorWrapper} is private), and its constructor re-parses the 1.5 MB
 * {@code oidregistry.csv} ({@code new OIDUtilities()}, no setter for a shared one): about half of
 * a ~22 ms validation. No public API avoids it; left as is rather than shadowing a library class.
 */
public class StructuralValidator {

    private final FhirValidator validator;

    public StructuralValidator(FhirContext fhirContext) {
        // The chain caches lookups itself (CachingValidationSupport is deprecated in HAPI 8 for this reason).
        ValidationSupportChain chain = new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.defaultValues(),
                new DefaultProfileValidationSupport(fhirContext),
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        this.validator = fhirContext.newValidator().registerValidatorModule(module);
    }

    /** The validator's messages, less those saying it cannot check a billing code system. */
    public List<SingleValidationMessage> validate(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> !isUncheckableBillingSystem(m.getMessage()))
                .toList();
    }

    /** "CodeSystem is unknown and can't be validated: http://www.ama-assn.org/go/cpt ..." and the like. */
    static boolean isUncheckableBillingSystem(String text) {
        if (text == null || CodeSystems.NOT_CHECKED_LOCALLY.stream().noneMatch(text::contains)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("unknown") || lower.contains("could not be found") || lower.contains("validated");
    }
}
