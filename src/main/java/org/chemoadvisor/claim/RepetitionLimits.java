package org.chemoadvisor.claim;

import org.chemoadvisor.fhir.FhirServerProperties;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Property;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Refuses a submission with more repetitions of an element than a claim has any need of, before it
 * is validated: the cost of structural validation (time and the memory the validator keeps) grows
 * with the size of the resource, and the 5 MB body limit alone admits a Claim of 10,000 lines.
 * {@code Claim.item} has its own limit; every other repeating element, at any depth, the general one.
 */
@Component
class RepetitionLimits {

    private final int maxItems;
    private final int maxRepetitions;

    @Autowired
    RepetitionLimits(FhirServerProperties properties) {
        this(properties.maxClaimItems(), properties.maxRepetitions());
    }

    RepetitionLimits(int maxItems, int maxRepetitions) {
        this.maxItems = maxItems;
        this.maxRepetitions = maxRepetitions;
    }

    /** @throws UnusableClaimException (422) naming the first element over its limit */
    void check(IBaseResource resource) {
        check((Base) resource, resource.fhirType());
    }

    /** The parts of a Parameters, not what they hold (checked once unwrapped). */
    void checkTopLevel(Parameters parameters) {
        checkCount(parameters, "parameter", "Parameters.parameter", parameters.getParameter().size());
    }

    private void check(Base element, String path) {
        for (Property property : element.children()) {
            if (!property.hasValues()) {
                continue;
            }
            String childPath = path + "." + property.getName();
            int count = property.getValues().size();
            if (property.getMaxCardinality() > 1) {
                checkCount(element, property.getName(), childPath, count);
            }
            for (int i = 0; i < count; i++) {
                Base value = property.getValues().get(i);
                if (value != null) {
                    check(value, property.getMaxCardinality() > 1 ? childPath + "[" + i + "]" : childPath);
                }
            }
        }
    }

    private void checkCount(Base parent, String name, String path, int count) {
        boolean items = parent instanceof Claim && name.equals("item");
        int limit = items ? maxItems : maxRepetitions;
        if (count > limit) {
            throw new UnusableClaimException(path + " has " + count + " entries; at most " + limit + " are accepted ("
                    + (items ? "chemo.fhir.max-claim-items" : "chemo.fhir.max-repetitions") + ")", path);
        }
    }
}
