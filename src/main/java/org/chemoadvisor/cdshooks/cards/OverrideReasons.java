package org.chemoadvisor.cdshooks.cards;

import java.util.List;
import java.util.Optional;
import org.chemoadvisor.cdshooks.api.Coding;

/** The reasons a user may give for overriding a coding card; feedback reports count them per rule. */
public final class OverrideReasons {

    public static final String SYSTEM = "http://chemoadvisor.org/fhir/CodeSystem/override-reasons";

    public static final List<Coding> ALL = List.of(
            new Coding(SYSTEM, "documentation-supports", "Documentation supports the coding as ordered"),
            new Coding(SYSTEM, "payer-policy-allows", "Payer-specific policy allows it"),
            new Coding(SYSTEM, "not-applicable", "Advice does not apply to this patient or encounter"));

    private OverrideReasons() {
    }

    /**
     * The display of one of our reason codes: clients often echo only the code. A reason from
     * another system (or an unknown code) has none here.
     */
    public static Optional<String> display(String system, String code) {
        if (code == null || system != null && !system.isBlank() && !SYSTEM.equals(system)) {
            return Optional.empty();
        }
        return ALL.stream().filter(c -> c.code().equals(code)).map(Coding::display).findFirst();
    }
}
