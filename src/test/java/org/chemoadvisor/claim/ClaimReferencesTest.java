package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.Test;

/** References from a bundled Claim resolve as FHIR R4 resolves them inside a Bundle. */
class ClaimReferencesTest {

    private static ClaimReferences bundled(String claimFullUrl, String procedureFullUrl) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.addEntry().setFullUrl(claimFullUrl).setResource(new Claim().setId("c1"));
        bundle.addEntry().setFullUrl("http://other.example/fhir/Procedure/p1").setResource(new Procedure().setId("p1"));
        bundle.addEntry().setFullUrl(procedureFullUrl).setResource(new Procedure().setId("p1"));
        return ClaimReferences.of(new ClaimValidationRequest((Claim) bundle.getEntry().get(0).getResource(),
                false, null, bundle, 0));
    }

    private static String pathOf(ClaimReferences references, String reference) {
        return references.resolve(reference).map(ClaimReferences.Located::path).orElse("unresolved");
    }

    @Test
    void relativeReferenceResolvesAgainstTheClaimsRestfulBase() {
        ClaimReferences references = bundled("http://example.org/fhir/Claim/c1", "http://example.org/fhir/Procedure/p1");

        assertThat(pathOf(references, "Procedure/p1")).isEqualTo("Bundle.entry[2].resource");
        assertThat(pathOf(references, "Procedure/p1/_history/3")).isEqualTo("Bundle.entry[2].resource");
        assertThat(pathOf(references, "Procedure/p2")).isEqualTo("unresolved");
    }

    @Test
    void absoluteReferencesNameTheEntryWithThatFullUrl() {
        ClaimReferences references = bundled("urn:uuid:4a0c5f1e-7d8b-4c2a-9e31-5b6d7f8a9c01",
                "urn:uuid:4a0c5f1e-7d8b-4c2a-9e31-5b6d7f8a9c02");

        assertThat(pathOf(references, "urn:uuid:4a0c5f1e-7d8b-4c2a-9e31-5b6d7f8a9c02")).isEqualTo("Bundle.entry[2].resource");
        assertThat(pathOf(references, "http://other.example/fhir/Procedure/p1")).isEqualTo("Bundle.entry[1].resource");
    }

    @Test
    void withoutARestfulClaimUrlARelativeReferenceTakesTheFirstEntryOfThatTypeAndId() {
        ClaimReferences references = bundled(null, null);

        assertThat(pathOf(references, "Procedure/p1")).isEqualTo("Bundle.entry[1].resource");
    }

    @Test
    void aParsedBundleWithUuidFullUrlsResolvesARelativeReferenceByTypeAndId() {
        String json = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"fullUrl": "urn:uuid:0d6f2c1a-3b4e-4f5a-8c7d-9e0f1a2b3c01",
                   "resource": {"resourceType": "Claim", "id": "c1"}},
                  {"fullUrl": "urn:uuid:0d6f2c1a-3b4e-4f5a-8c7d-9e0f1a2b3c02",
                   "resource": {"resourceType": "Procedure", "id": "p1", "status": "completed"}}]}
                """;
        Bundle bundle = (Bundle) TestClaims.parseAny(json);
        ClaimReferences references = ClaimReferences.of(new ClaimValidationRequest(
                (Claim) bundle.getEntry().get(0).getResource(), false, null, bundle, 0));

        assertThat(pathOf(references, "Procedure/p1")).isEqualTo("Bundle.entry[1].resource");
        assertThat(pathOf(references, "urn:uuid:0d6f2c1a-3b4e-4f5a-8c7d-9e0f1a2b3c02")).isEqualTo("Bundle.entry[1].resource");
    }

    @Test
    void expressionsIntoTheClaimAreRewrittenIntoTheBundle() {
        ClaimReferences references = bundled(null, null);

        assertThat(references.inRequest("Claim.item[1].modifier[0]")).isEqualTo("Bundle.entry[0].resource.item[1].modifier[0]");
        assertThat(references.inRequest("Claim")).isEqualTo("Bundle.entry[0].resource");
        assertThat(references.inRequest("Bundle.entry[2].resource.bodySite[0]")).isEqualTo("Bundle.entry[2].resource.bodySite[0]");
        assertThat(references.inRequest("ClaimResponse.x")).isEqualTo("ClaimResponse.x");
    }
}
