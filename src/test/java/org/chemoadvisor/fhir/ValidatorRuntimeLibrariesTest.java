package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;

/**
 * Guards the jar's slimming (pom.xml exclusions): two libraries look unused but the validator reaches
 * them on ordinary input, so excluding them turns these validations into a NoClassDefFoundError (a 500).
 * <ul>
 * <li>ICU4J: a message with a count ("minimum required = 1, but only found 0") is worded through
 * {@code com.ibm.icu.text.PluralRules} ({@code org.hl7.fhir.utilities.i18n.I18nBase}).</li>
 * <li>org.hl7.fhir.dstu3: checking a {@code code} element against its value set goes through
 * {@code ValidationSupportUtils.extractCodeSystemForCode}, which first tests {@code instanceof
 * org.hl7.fhir.dstu3.model.ValueSet}.</li>
 * </ul>
 */
class ValidatorRuntimeLibrariesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private final StructuralValidator validator = new StructuralValidator(FHIR, 1, 50);

    @Test
    void missingRequiredElementIsReportedWithItsCount() {
        List<SingleValidationMessage> messages = validator.validate(claim("claim-missing-required.json"));

        assertThat(messages).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                && m.getMessage().contains("Claim.status: minimum required = 1, but only found 0"));
    }

    @Test
    void codeOutsideItsRequiredValueSetIsAnError() {
        List<SingleValidationMessage> messages = validator.validate(claim("claim-bad-required-codes.json"));

        assertThat(messages).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                && m.getMessage().contains("XYZ"));
    }

    private static IBaseResource claim(String name) {
        try (InputStream in = ValidatorRuntimeLibrariesTest.class.getResourceAsStream("/structural/" + name)) {
            return FHIR.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
