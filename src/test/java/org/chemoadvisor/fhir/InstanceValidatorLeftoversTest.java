package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.junit.jupiter.api.Test;

/** What HAPI's InstanceValidator keeps across calls is where this HAPI version keeps it, and clearing empties it. */
class InstanceValidatorLeftoversTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void thisHapiVersionKeepsItsLeftoversWhereTheyAreCleared() {
        // Fails on a HAPI upgrade that moves them: the pool would then fall back to retiring instances early.
        assertThat(InstanceValidatorLeftovers.CLEARABLE).isTrue();
    }

    @Test
    void hapisValidatorKeepsTheCodingsOfEveryCallUntilCleared() throws IOException {
        ReusableInstanceValidators.Pooled pooled = new StructuralValidator(FHIR, 1, 10_000).pool().acquire();
        InstanceValidator validator = pooled.validation.validator();
        byte[] claim = Files.readAllBytes(Path.of("fhir-resources/examples/claim-clean-64644-64645-95874.json"));

        validator.validate(null, new ArrayList<ValidationMessage>(), new ByteArrayInputStream(claim), FhirFormat.JSON,
                new ArrayList<>());
        int afterOne = InstanceValidatorLeftovers.retainedCodings(validator);
        validator.validate(null, new ArrayList<ValidationMessage>(), new ByteArrayInputStream(claim), FhirFormat.JSON,
                new ArrayList<>());

        assertThat(afterOne).isPositive();
        assertThat(InstanceValidatorLeftovers.retainedCodings(validator)).isEqualTo(2 * afterOne);
        InstanceValidatorLeftovers.clear(validator);
        assertThat(InstanceValidatorLeftovers.retainedCodings(validator)).isZero();
    }
}
