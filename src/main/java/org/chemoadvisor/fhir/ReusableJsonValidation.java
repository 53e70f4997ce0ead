package org.chemoadvisor.fhir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.elementmodel.ParserBase.ValidationPolicy;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * What {@code InstanceValidator.validate(appContext, errors, stream, JSON, noProfiles)} does (HAPI 8.8.0,
 * org.hl7.fhir.validation 6.7.9), with the element-model JSON parser kept from one call to the next
 * instead of built per call ({@code Manager.makeParser}: a FHIRPath engine, ProfileUtilities and
 * ContextUtilities each time, ~8% of a validation; the kept ones also keep their caches of child
 * definitions and resource type names). Used by one thread at a time, like its validator.
 */
final class ReusableJsonValidation {

    private final InstanceValidator validator;
    private final DefinitionCachingJsonParser parser;

    ReusableJsonValidation(InstanceValidator validator, IWorkerContext context,
            Map<String, StructureDefinition> definitions) {
        this.validator = validator;
        this.parser = new DefinitionCachingJsonParser(context, definitions);
        parser.setupValidation(ValidationPolicy.EVERYTHING);
    }

    InstanceValidator validator() {
        return validator;
    }

    /** Parses and validates the JSON of one resource against its base definition; adds the messages to errors. */
    void validate(byte[] json, List<ValidationMessage> errors) {
        if (parser.getImpliedProfile() != null) {
            // Not so for JSON in this version; should a later one imply a profile, HAPI's own path handles it.
            try {
                validator.validate(null, errors, new ByteArrayInputStream(json), FhirFormat.JSON, new ArrayList<>());
            } finally {
                InstanceValidatorLeftovers.clear(validator);
            }
            return;
        }
        // Per call, as InstanceValidator sets them on its new parser.
        parser.setAllowComments(validator.isAllowComments());
        parser.setSignatureServices(validator.getSignatureServices());
        List<ValidatedFragment> content;
        try {
            content = parser.parse(new ByteArrayInputStream(json));
        } catch (IOException e) {
            throw new FHIRException(e);
        }
        validator.validatedContent = content;
        try {
            for (ValidatedFragment fragment : content) {
                if (fragment.getElement() != null) {
                    validator.validate(null, fragment.getErrors(), content.size() > 1 ? fragment.path() : null,
                            fragment.getElement(), new ArrayList<StructureDefinition>());
                }
                errors.addAll(fragment.getErrors());
            }
        } finally {
            // Else the element model of the last resource stays reachable until the next call.
            validator.validatedContent = null;
            InstanceValidatorLeftovers.clear(validator);
        }
    }
}
