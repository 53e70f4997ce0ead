package org.chemoadvisor.cdshooks;

import java.util.List;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.cards.CardRenderer;
import org.chemoadvisor.facts.PolicyProfile;

/** The info card that tells the clinician which supporting data the advice went without. */
final class DataNotice {

    private DataNotice() {
    }

    static Card card(CardRenderer renderer, List<String> unavailable, PolicyProfile profile) {
        StringBuilder detail = new StringBuilder("This advice was given without some of the patient's data: it was "
                + "not prefetched and could not be read from the EHR's FHIR server.");
        if (unavailable.contains(HookDataReader.COVERAGE)) {
            detail.append("\n\n- **Coverage**: the payer is unknown, so the coding was checked under the default "
                    + "policy profile (" + profile.id() + ").");
        }
        if (unavailable.contains(HookDataReader.CONDITIONS)) {
            detail.append("\n\n- **Conditions**: only the diagnoses on the orders themselves were considered.");
        }
        // Clinicians read this card: the configuration fix is the operator's, logged with each request.
        detail.append("\n\nIf this happens often, tell your CDS or EHR administrator: the EHR integration can "
                + "send this data with the request or let the service read it.");
        String summary = "Checked without " + String.join(" and ", unavailable) + ": advice may be incomplete";
        return renderer.dataNotice(summary, detail.toString());
    }
}
