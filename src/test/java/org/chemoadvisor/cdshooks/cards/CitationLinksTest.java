package org.chemoadvisor.cdshooks.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationLinksTest {

    private static final String CANONICAL = "http://chemoadvisor.org/fhir/ValueSet/chemodenervation-supporting-diagnoses";

    @Test
    void ourCanonicalUrlIsLinkedToItsSearchUnderThePublicBaseUrl() {
        CitationLinks links = new CitationLinks("https://cds.example.org/advisor/");

        assertThat(links.resolvable(CANONICAL)).isEqualTo("https://cds.example.org/advisor/fhir/ValueSet?url="
                + "http%3A%2F%2Fchemoadvisor.org%2Ffhir%2FValueSet%2Fchemodenervation-supporting-diagnoses");
    }

    @Test
    void aCmsPageIsLinkedAsItIsAndWithoutAnyBaseOurCanonicalIsNotLinked() {
        CitationLinks links = new CitationLinks("");
        String cms = "https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits";

        assertThat(links.resolvable(cms)).isEqualTo(cms);
        assertThat(links.resolvable(CANONICAL)).isNull();
        assertThat(links.resolvable(null)).isNull();
    }
}
