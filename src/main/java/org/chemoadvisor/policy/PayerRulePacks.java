package org.chemoadvisor.policy;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rulepack.load.ValueSetReader;
import org.chemoadvisor.rules.Citation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The rule pack a request is evaluated with: the bundled pack, with the limb and trunk
 * supporting-diagnosis set (CHEMO-31; the neck, face and migraine sets stay the bundled ones) of the payer when configuration gives that payer its own ValueSet
 * ({@code chemo.policy.supporting-diagnoses}). Every ValueSet is read at start-up; one that cannot
 * be read stops start-up naming the setting and the file. The re-injection interval (CHEMO-41) is
 * the rule pack's unless {@code chemo.policy.reinjection} sets it, by default or per payer; a
 * configured interval is cited as that setting, never as a CMS edit. Payers are matched like
 * {@link PolicyProfileResolver}: the first payer key (identifier or name) that is mapped wins.
 */
@Component
public class PayerRulePacks {

    static final String SETTING = "chemo.policy.supporting-diagnoses";
    static final String REINJECTION_SETTING = "chemo.policy.reinjection";
    private static final Logger log = LoggerFactory.getLogger(PayerRulePacks.class);

    private final RulePack defaultPack;
    private final Map<String, RulePack> byPayer;

    public PayerRulePacks(RulePack bundled, PolicyProperties properties, ResourceLoader resources) {
        PolicyProperties.SupportingDiagnoses settings = properties.supportingDiagnoses();
        PolicyProperties.Reinjection reinjection = properties.reinjection();
        RulePack base = settings.defaultValueSet() == null ? bundled
                : withSupportingDiagnoses(bundled, SETTING + ".default", settings.defaultValueSet(), resources);
        this.defaultPack = reinjection.minimumInterval() == null ? base
                : withReinjectionInterval(base, REINJECTION_SETTING + ".minimum-interval", reinjection.minimumInterval());
        Set<String> payerKeys = new TreeSet<>(settings.payers().keySet());
        payerKeys.addAll(reinjection.payers().keySet());
        Map<String, RulePack> map = new HashMap<>();
        for (String payer : payerKeys) {
            RulePack pack = defaultPack;
            String valueSet = settings.payers().get(payer);
            if (valueSet != null) {
                pack = withSupportingDiagnoses(pack, SETTING + ".payers[" + payer + "]", valueSet, resources);
            }
            Duration interval = reinjection.payers().get(payer);
            if (interval != null) {
                pack = withReinjectionInterval(pack, REINJECTION_SETTING + ".payers[" + payer + "]", interval);
            }
            map.put(PolicyProfileResolver.normalize(payer), pack);
        }
        this.byPayer = Map.copyOf(map);
        log.info("Supporting diagnoses for limbs and trunk (CHEMO-31): {} by default; re-injection interval "
                + "(CHEMO-41): {} days by default; own settings for {} payer key(s)",
                defaultPack.codeSets().citation(CodeSets.SUPPORTING_DIAGNOSIS),
                defaultPack.codeSets().single(CodeSets.REINJECTION_MINIMUM_DAYS), byPayer.size());
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

    /** The interval as the rule pack's single-day set, cited as the setting it came from. */
    private static RulePack withReinjectionInterval(RulePack base, String setting, Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.toHoursPart() != 0 || interval.toMinutesPart() != 0
                || interval.toSecondsPart() != 0 || interval.toNanosPart() != 0) {
            throw new IllegalStateException(setting + " = " + interval + ": give a whole number of days above 0, "
                    + "e.g. 84d");
        }
        String days = Long.toString(interval.toDays());
        Citation citation = new Citation("Payer policy setting " + setting, days + " days", null);
        return base.withCodeSets(base.codeSets().withSet(CodeSets.REINJECTION_MINIMUM_DAYS, List.of(days), citation));
    }

    private static RulePack withSupportingDiagnoses(RulePack base, String setting, String location,
            ResourceLoader resources) {
        Resource resource = resources.getResource(location.trim());
        ValueSetReader.Content content = ValueSetReader.read(setting + " = " + location, resource::getInputStream);
        CodeSets sets = base.codeSets().withSet(CodeSets.SUPPORTING_DIAGNOSIS, content.codes(), content.citation());
        return base.withCodeSets(sets);
    }
}
