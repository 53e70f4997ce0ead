package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.EncodingEnum;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Signature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The structural validator reads the caller's own JSON only when that JSON is exactly what it validates: a Claim
 * or collection Bundle sent as the whole body. Anything wrapped, converted or changed on the way is encoded again.
 */
@ClaimServerTest
class ClaimRequestReaderSentJsonTest {

    private static final String CLAIM = "claim-clean-64644-64645-95874.json";
    private static final String BUNDLE = "bundle-two-dates-muscles-per-day.json";

    @Autowired
    ClaimRequestReader reader;

    @Test
    void aClaimSentAsTheBodyIsValidatedAsSent() {
        String body = TestClaims.example(CLAIM);

        assertThat(read(body, EncodingEnum.JSON).sentJson()).isSameAs(body);
    }

    @Test
    void aBundleSentAsTheBodyIsValidatedAsSent() {
        String body = TestClaims.example(BUNDLE);

        ClaimValidationRequest request = read(body, EncodingEnum.JSON);

        assertThat(request.bundle()).isNotNull();
        assertThat(request.sentJson()).isSameAs(body);
    }

    @Test
    void aClaimInParametersIsEncodedAgainForTheValidator() {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource(TestClaims.parse(TestClaims.example(CLAIM)));

        ClaimValidationRequest request = read(TestClaims.FHIR.newJsonParser().encodeResourceToString(parameters),
                EncodingEnum.JSON);

        assertThat(request.claim()).isNotNull();
        assertThat(request.sentJson()).isNull();
    }

    @Test
    void aClaimSentAsXmlIsEncodedAgainForTheValidator() {
        String xml = TestClaims.FHIR.newXmlParser().encodeResourceToString(TestClaims.parse(TestClaims.example(CLAIM)));

        assertThat(read(xml, EncodingEnum.XML).sentJson()).isNull();
    }

    @Test
    void aSignedBundleIsValidatedWithoutItsSignatureSoNotAsSent() {
        Bundle bundle = (Bundle) TestClaims.parseAny(TestClaims.example(BUNDLE));
        bundle.setSignature(new Signature().addType(new Coding("urn:iso-astm:E1762-95:2013", "1.2.840.10065.1.12.1.1",
                null)).setData("c2lnbmVk".getBytes()));

        ClaimValidationRequest request = read(TestClaims.FHIR.newJsonParser().encodeResourceToString(bundle),
                EncodingEnum.JSON);

        assertThat(request.notes()).isNotEmpty();
        assertThat(request.sentJson()).isNull();
    }

    private ClaimValidationRequest read(String body, EncodingEnum encoding) {
        return reader.read(body, encoding, Map.of());
    }
}
