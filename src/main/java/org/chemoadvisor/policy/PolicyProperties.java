package org.chemoadvisor.policy;

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
 */
@ConfigurationProperties(prefix = "chemo.policy")
public record PolicyProperties(@DefaultValue("medicare") String defaultProfile, Map<String, String> payers,
        SupportingDiagnoses supportingDiagnoses) {

    @ConstructorBinding
    public PolicyProperties {
        payers = payers == null ? Map.of() : Map.copyOf(payers);
        supportingDiagnoses = supportingDiagnoses == null ? SupportingDiagnoses.BUNDLED : supportingDiagnoses;
    }

    /** Without per-payer supporting diagnoses (the bundled ValueSet for every payer). */
    public PolicyProperties(String defaultProfile, Map<String, String> payers) {
        this(defaultProfile, payers, null);
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
}
