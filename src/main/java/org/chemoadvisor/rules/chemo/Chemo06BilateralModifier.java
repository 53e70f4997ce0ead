package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.MpfsIndicator;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-06: the bilateral modifier (50) on a code it does not apply to: any code whose MPFS
 * bilateral surgery indicator says so (0, 2 or 9, as data), and the limb and trunk codes, which
 * count limbs (or cover the trunk) themselves so the second limb is reported with an add-on code.
 */
public final class Chemo06BilateralModifier implements Rule {

    public static final String ID = "CHEMO-06";

    /** MPFS bilateral surgery indicator meaning the code's value already covers both sides. */
    private static final String ALREADY_BILATERAL = "2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<Finding> findings = new ArrayList<>();
        for (ServiceLine line : day.lines()) {
            Optional<String> indicator = indicator(pack, line.code());
            boolean notApplicable = indicator
                    .filter(value -> codes.in(CodeSets.BILATERAL_MODIFIER_NOT_APPLICABLE, value)).isPresent();
            if (!notApplicable && !codes.in(CodeSets.LIMB_AND_TRUNK, line.code())) {
                continue;
            }
            for (String modifier : line.modifiers()) {
                if (codes.in(CodeSets.BILATERAL_MODIFIERS, modifier)) {
                    findings.add(finding(pack, codes, line, modifier, indicator));
                }
            }
        }
        return findings;
    }

    private static Optional<String> indicator(RulePack pack, String code) {
        return pack.mpfs().find(code).map(MpfsIndicator::bilateralSurgeryIndicator);
    }

    private static Finding finding(RulePack pack, LimbCodes codes, ServiceLine line, String modifier,
            Optional<String> indicator) {
        String code = line.code();
        return LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("Modifier " + modifier + " does not apply to " + code + ": remove it"
                        + secondLimb(codes, code, indicator))
                .paragraph("What", codes.describe(code) + " carries modifier " + modifier + " (bilateral).")
                .paragraph("Why", indicatorSentence(codes, code, modifier, indicator) + whyForCode(codes, code))
                .cite(pack.mpfs().citation())
                .at(line.paths().modifier(line.modifierPosition(modifier)))
                .key(LimbFinding.bilateralKey(code))
                .fix(fix(codes, line, modifier))
                .build();
    }

    private static String secondLimb(LimbCodes codes, String code, Optional<String> indicator) {
        if (codes.isLimbAddOn(code)) {
            return " and count the second limb as one more unit";
        }
        if (codes.isLimbPrimary(code)) {
            return " and report the second limb with " + codes.addOnOfSameTier(code);
        }
        return indicator.filter(ALREADY_BILATERAL::equals).isPresent()
                ? " (the code already covers both sides)" : "";
    }

    private static String indicatorSentence(LimbCodes codes, String code, String modifier,
            Optional<String> indicator) {
        return indicator.map(value -> "The Medicare fee schedule gives " + code + " bilateral surgery indicator "
                + value + (codes.in(CodeSets.BILATERAL_MODIFIER_NOT_APPLICABLE, value)
                ? ": " + meaning(value) + ", so modifier " + modifier + " is not used on it. " : ". "))
                .orElse("");
    }

    private static String meaning(String indicator) {
        if (ALREADY_BILATERAL.equals(indicator)) {
            return "its value already covers both sides";
        }
        return "0".equals(indicator) ? "the bilateral payment adjustment does not apply"
                : "the bilateral concept does not apply to it";
    }

    private static String whyForCode(LimbCodes codes, String code) {
        if (isLimb(codes, code)) {
            return "The limb codes count extremities: the first limb has its own code and each other limb is "
                    + "reported with an add-on (" + codes.addOn1to4() + " for 1-4 muscles, " + codes.addOn5plus()
                    + " for 5 or more).";
        }
        return codes.in(CodeSets.LIMB_AND_TRUNK, code)
                ? "The trunk code covers the trunk muscles on both sides in one unit." : "";
    }

    private static Fix fix(LimbCodes codes, ServiceLine line, String modifier) {
        List<FixAction> actions = new ArrayList<>();
        actions.add(new FixAction.RemoveModifier(line.index(), modifier));
        String code = line.code();
        if (!isLimb(codes, code)) {
            return new Fix("Remove modifier " + modifier + " from " + code, actions);
        }
        String addOn = codes.addOnOfSameTier(code);
        if (codes.isLimbAddOn(code)) {
            actions.add(new FixAction.SetUnits(line.index(), line.units() + 1));
            return new Fix("Remove modifier " + modifier + " from " + code + " and add one unit for the second limb",
                    actions);
        }
        actions.add(new FixAction.AddLine(addOn, 1, List.of(), line.index()));
        return new Fix("Remove modifier " + modifier + " from " + code + " and add " + addOn
                + " for the second limb", actions);
    }

    private static boolean isLimb(LimbCodes codes, String code) {
        return codes.isLimbPrimary(code) || codes.isLimbAddOn(code);
    }
}
