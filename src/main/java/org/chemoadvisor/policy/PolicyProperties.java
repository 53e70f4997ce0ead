package org.chemoadvisor.policy;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Which policy applies. {@code payers} maps a payer (its identifier value, or its display name,
 * case-insensitive) to a profile id ({@code medicare} or {@code commercial}).
 * {@code supportingDiagnoses} chooses the ValueSet of diagnoses that support limb and trunk
 * chemodenervation (CHEMO-31): by default the bundled one, per payer another ValueSet file.
 * {@code reinjection} sets the payer's shortest interval between two chemodenervations of one
 * treatment region (CHEMO-41): unset, the rule pack's (84 days).
 */
@ConfigurationProperties(prefix = "chemo.policy")
public record PolicyProperties(@DefaultValue("medicare") String defaultProfile, Map<String, String> payers,
        SupportingDiagnoses supportingDiagnoses, Reinjection reinjection) {

    @ConstructorBinding
    public PolicyProperties {
        payers = payers == null ? Map.of() : Map.copyOf(payers);
        supportingDiagnoses = supportingDiagnoses == null ? SupportingDiagnoses.BUNDLED : supportingDiagnoses;
        reinjection = reinjection == null ? Reinjection.RULE_PACK : reinjection;
    }

    public PolicyProperties(String defaultProfile, Map<String, String> payers,
            SupportingDiagnoses supportingDiagnoses) {
        this(defaultProfile, payers, supportingDiagnoses, null);
    }

    /** Without per-payer supporting diagnoses (the bundled ValueSet for every payer). */
    public PolicyProperties(String defaultProfile, Map<String, String> payers) {
        this(defaultProfile, payers, null, null);
    }

    /**
     * @param defaultValueSet  location of the ValueSet used for payers without their own
     *                         ({@code classpath:...} or {@code file:...}); null: the bundled ValueSet
     * @param payers           payer identifier or name (case-insensitive) -> location of its ValueSet
     */
    public record SupportingDiagnoses(@Name("default") String defaultValueSet, Map<String, String> payers) {

        static final SupportingDiagnoses BUNDLED = new SupportingDiagnoses(null, null);

        public SupportingDiagnoses {
            defaultValueSet = defaultValueSet == null || defaultValueSet.isBlank() ? null : defaultValueSet.trim();
            payers = payers == null ? Map.of() : Map.copyOf(payers);
        }
    }

    /**
     * @param minimumInterval  for payers without their own: whole days (e.g. {@code 84d}); null: the rule pack's
     * @param payers           payer identifier or name (case-insensitive) -> its interval
     */
    public record Reinjection(Duration minimumInterval, Map<String, Duration> payers) {

        static final Reinjection RULE_PACK = new Reinjection(null, null);

        public Reinjection {
            payers = payers == null ? Map.of() : Map.copyOf(payers);
        }
    }
}
