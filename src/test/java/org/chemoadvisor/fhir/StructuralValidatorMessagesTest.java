package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructuralValidatorMessagesTest {

    @Test
    void unknownBillingCodeSystemMessagesAreRecognised() {
        assertThat(StructuralValidator.isUncheckableBillingSystem("CodeSystem is unknown and can't be validated: "
                + "http://www.ama-assn.org/go/cpt for 'http://www.ama-assn.org/go/cpt#64644'")).isTrue();
        assertThat(StructuralValidator.isUncheckableBillingSystem("A definition for CodeSystem "
                + "'http://hl7.org/fhir/sid/icd-10-cm' could not be found, so the code cannot be validated")).isTrue();
    }

    @Test
    void otherMessagesAreKept() {
        assertThat(StructuralValidator.isUncheckableBillingSystem("Claim.status: minimum required = 1, but only found 0"))
                .isFalse();
        assertThat(StructuralValidator.isUncheckableBillingSystem("CodeSystem is unknown and can't be validated: "
                + "http://example.org/local-codes for 'http://example.org/local-codes#1'")).isFalse();
        assertThat(StructuralValidator.isUncheckableBillingSystem(null)).isFalse();
    }
}
