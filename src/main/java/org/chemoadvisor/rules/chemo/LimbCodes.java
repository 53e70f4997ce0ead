package org.chemoadvisor.rules.chemo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;

/**
 * The limb and trunk chemodenervation codes as the rule pack's code sets name them, with
 * paraphrased descriptions (CPT descriptors are AMA-copyrighted and never quoted).
 */
final class LimbCodes {

    private static final Map<String, String> PARAPHRASES = paraphrases();

    private final CodeSets sets;

    LimbCodes(RulePack pack) {
        this.sets = pack.codeSets();
    }

    String primary1to4() {
        return sets.single(CodeSets.LIMB_PRIMARY_1_TO_4);
    }

    String primary5plus() {
        return sets.single(CodeSets.LIMB_PRIMARY_5_PLUS);
    }

    String addOn1to4() {
        return sets.single(CodeSets.LIMB_ADDON_1_TO_4);
    }

    String addOn5plus() {
        return sets.single(CodeSets.LIMB_ADDON_5_PLUS);
    }

    String trunk1to5() {
        return sets.single(CodeSets.TRUNK_1_TO_5);
    }

    String trunk6plus() {
        return sets.single(CodeSets.TRUNK_6_PLUS);
    }

    boolean in(String setName, String code) {
        return sets.contains(setName, code);
    }

    boolean isLimbPrimary(String code) {
        return in(CodeSets.LIMB_PRIMARY_1_TO_4, code) || in(CodeSets.LIMB_PRIMARY_5_PLUS, code);
    }

    boolean isLimbAddOn(String code) {
        return in(CodeSets.LIMB_ADDON_1_TO_4, code) || in(CodeSets.LIMB_ADDON_5_PLUS, code);
    }

    /** The "each additional limb" code of the same muscle tier as a limb code. */
    String addOnOfSameTier(String limbCode) {
        if (in(CodeSets.LIMB_PRIMARY_1_TO_4, limbCode) || in(CodeSets.LIMB_ADDON_1_TO_4, limbCode)) {
            return addOn1to4();
        }
        if (in(CodeSets.LIMB_PRIMARY_5_PLUS, limbCode) || in(CodeSets.LIMB_ADDON_5_PLUS, limbCode)) {
            return addOn5plus();
        }
        throw new IllegalArgumentException(limbCode + " is not a limb chemodenervation code");
    }

    /** "64645 (each additional limb, 5 or more muscles)", or the bare code when no set describes it. */
    String describe(String code) {
        for (Map.Entry<String, String> entry : PARAPHRASES.entrySet()) {
            if (in(entry.getKey(), code)) {
                return code + " (" + entry.getValue() + ")";
            }
        }
        return code;
    }

    private static Map<String, String> paraphrases() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(CodeSets.LIMB_PRIMARY_1_TO_4, "first limb, 1-4 muscles");
        map.put(CodeSets.LIMB_PRIMARY_5_PLUS, "first limb, 5 or more muscles");
        map.put(CodeSets.LIMB_ADDON_1_TO_4, "each additional limb, 1-4 muscles");
        map.put(CodeSets.LIMB_ADDON_5_PLUS, "each additional limb, 5 or more muscles");
        map.put(CodeSets.TRUNK_1_TO_5, "trunk, 1-5 muscles");
        map.put(CodeSets.TRUNK_6_PLUS, "trunk, 6 or more muscles");
        return Collections.unmodifiableMap(map);
    }
}
