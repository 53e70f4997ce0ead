package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
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
 * CHEMO-06: the bilateral modifier (50) on a limb or trunk chemodenervation code. These codes
 * count limbs (or cover the trunk) themselves; the second limb is reported with an add-on code.
 */
public final class Chemo06BilateralModifier implements Rule {

    public static final String ID = "CHEMO-06";

    /** MPFS bilateral surgery indicator meaning "bilateral adjustment does not apply". */
    private static final String NOT_BILATERAL = "0";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<Finding> findings = new ArrayList<>();
        for (ServiceLine line : day.lines()) {
            if (!codes.in(CodeSets.LIMB_AND_TRUNK, line.code())) {
                continue;
            }
            for (String modifier : line.modifiers()) {
                if (codes.in(CodeSets.BILATERAL_MODIFIERS, modifier)) {
                    findings.add(finding(pack, codes, line, modifier));
                }
            }
        }
        return findings;
    }

    private static Finding finding(RulePack pack, LimbCodes codes, ServiceLine line, String modifier) {
        String code = line.code();
        return LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("Modifier " + modifier + " does not apply to " + code + ": remove it"
                        + secondLimb(codes, code))
                .paragraph("What", codes.describe(code) + " carries modifier " + modifier + " (bilateral).")
                .paragraph("Why", indicatorSentence(pack, code) + whyForCode(codes, code))
                .cite(pack.mpfs().citation())
                .at(line.paths().modifier(line.modifierPosition(modifier)))
                .key(LimbFinding.bilateralKey(code))
                .fix(fix(codes, line, modifier))
                .build();
    }

    private static String secondLimb(LimbCodes codes, String code) {
        if (codes.isLimbAddOn(code)) {
            return " and count the second limb as one more unit";
        }
        return codes.isLimbPrimary(code) ? " and report the second limb with " + codes.addOnOfSameTier(code) : "";
    }

    private static String indicatorSentence(RulePack pack, String code) {
        return pack.mpfs().find(code).map(MpfsIndicator::bilateralSurgeryIndicator)
                .map(indicator -> "The Medicare fee schedule gives " + code + " bilateral surgery indicator "
                        + indicator + (NOT_BILATERAL.equals(indicator)
                        ? ": the bilateral payment adjustment and modifier 50 do not apply. " : ". "))
                .orElse("");
    }

    private static String whyForCode(LimbCodes codes, String code) {
        if (!isLimb(codes, code)) {
            return "The trunk code covers the trunk muscles on both sides in one unit.";
        }
        return "The limb codes count extremities: the first limb has its own code and each other limb is "
                + "reported with an add-on (" + codes.addOn1to4() + " for 1-4 muscles, " + codes.addOn5plus()
                + " for 5 or more).";
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
