package org.chemoadvisor.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.ValueSetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The rule pack a request is evaluated with: the bundled pack, with the limb and trunk
 * supporting-diagnosis set (CHEMO-31; the neck, face and migraine sets stay the bundled ones) of the payer when configuration gives that payer its own ValueSet
 * ({@code chemo.policy.supporting-diagnoses}). Every ValueSet is read at start-up; one that cannot
 * be read stops start-up naming the setting and the file. Payers are matched like
 * {@link PolicyProfileResolver}: the first payer key (identifier or name) that is mapped wins.
 */
@Component
public class PayerRulePacks {

    static final String SETTING = "chemo.policy.supporting-diagnoses";
    private static final Logger log = LoggerFactory.getLogger(PayerRulePacks.class);

    private final RulePack defaultPack;
    private final Map<String, RulePack> byPayer;

    public PayerRulePacks(RulePack bundled, PolicyProperties properties, ResourceLoader resources) {
        PolicyProperties.SupportingDiagnoses settings = properties.supportingDiagnoses();
        this.defaultPack = settings.defaultValueSet() == null ? bundled
                : withSupportingDiagnoses(bundled, SETTING + ".default", settings.defaultValueSet(), resources);
        Map<String, RulePack> map = new HashMap<>();
        settings.payers().forEach((payer, location) -> map.put(PolicyProfileResolver.normalize(payer),
                withSupportingDiagnoses(defaultPack, SETTING + ".payers[" + payer + "]", location, resources)));
        this.byPayer = Map.copyOf(map);
        log.info("Supporting diagnoses for limbs and trunk (CHEMO-31): {} by default; own ValueSet for {} payer key(s)",
                defaultPack.codeSets().citation(CodeSets.SUPPORTING_DIAGNOSIS), byPayer.size());
    }

    public RulePack defaultPack() {
        return defaultPack;
    }

    /** @param payerKeys payer identifiers and names found in the request (Claim.insurance, Coverage.payor) */
    public RulePack forPayers(Collection<String> payerKeys) {
        for (String key : payerKeys) {
            RulePack pack = key == null ? null : byPayer.get(PolicyProfileResolver.normalize(key));
            if (pack != null) {
                return pack;
            }
        }
        return defaultPack;
    }

    private static RulePack withSupportingDiagnoses(RulePack base, String setting, String location,
            ResourceLoader resources) {
        Resource resource = resources.getResource(location.trim());
        ValueSetReader.Content content = ValueSetReader.read(setting + " = " + location, resource::getInputStream);
        CodeSets sets = base.codeSets().withSet(CodeSets.SUPPORTING_DIAGNOSIS, content.codes(), content.citation());
        return base.withCodeSets(sets);
    }
}
