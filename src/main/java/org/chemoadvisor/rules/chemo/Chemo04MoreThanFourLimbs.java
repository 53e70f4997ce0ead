package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-04: more limbs than a patient has. The add-on limb codes (64643, 64645) together count at
 * most three limbs after the first, and each is capped by its MUE.
 */
public final class Chemo04MoreThanFourLimbs implements Rule {

    public static final String ID = "CHEMO-04";

    /** Four limbs: the first limb has its own code, so at most three are add-ons. Anatomy, not a table. */
    static final int MAX_ADD_ON_LIMBS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<ServiceLine> lower = LimbLines.withCode(day, codes.addOn1to4());
        List<ServiceLine> upper = LimbLines.withCode(day, codes.addOn5plus());
        int lowerUnits = LimbLines.units(lower);
        int upperUnits = LimbLines.units(upper);
        boolean lowerOverMue = LimbLines.aboveMue(pack, codes.addOn1to4(), lowerUnits);
        boolean upperOverMue = LimbLines.aboveMue(pack, codes.addOn5plus(), upperUnits);
        if (lowerUnits + upperUnits <= MAX_ADD_ON_LIMBS && !lowerOverMue && !upperOverMue) {
            return List.of();
        }
        int upperTarget = Math.min(upperUnits, cap(pack, codes.addOn5plus()));
        int lowerTarget = lowerTarget(Math.min(lowerUnits, cap(pack, codes.addOn1to4())), upperTarget);
        upperTarget = Math.min(upperTarget, MAX_ADD_ON_LIMBS - lowerTarget);
        List<FixAction> actions = new ArrayList<>(reduceTo(lower, lowerTarget));
        actions.addAll(reduceTo(upper, upperTarget));
        List<ServiceLine> addOns = new ArrayList<>(lower);
        addOns.addAll(upper);
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("Add-on limb units total " + (lowerUnits + upperUnits) + ", but at most "
                        + MAX_ADD_ON_LIMBS + " limbs follow the first: reduce to the limbs injected")
                .paragraph("What", codes.describe(codes.addOn1to4()) + " x " + lowerUnits + " and "
                        + codes.describe(codes.addOn5plus()) + " x " + upperUnits + " on this date of service.")
                .paragraph("Why", "A patient has four limbs: one is reported with a first-limb code, so at most "
                        + MAX_ADD_ON_LIMBS + " units of the add-on limb codes together. " + mueSentence(pack, codes))
                .cite(pack.mue().citation())
                .at(LimbLines.unitPaths(addOns))
                .fix(new Fix("Reduce to the limbs injected: " + codes.addOn1to4() + " x " + lowerTarget + ", "
                        + codes.addOn5plus() + " x " + upperTarget, actions));
        if (lowerOverMue) {
            finding.key(LimbFinding.mueKey(codes.addOn1to4()));
        }
        if (upperOverMue) {
            finding.key(LimbFinding.mueKey(codes.addOn5plus()));
        }
        return List.of(finding.build());
    }

    /**
     * The 1-4 muscle add-on gives way first, so the more extensive limbs stay reported; the coder
     * still confirms against the documentation.
     */
    private static int lowerTarget(int lowerCapped, int upperCapped) {
        return Math.max(0, Math.min(lowerCapped, MAX_ADD_ON_LIMBS - upperCapped));
    }

    private static int cap(RulePack pack, String code) {
        return LimbLines.mue(pack, code).map(MueEdit::maxUnits).orElse(MAX_ADD_ON_LIMBS);
    }

    private static String mueSentence(RulePack pack, LimbCodes codes) {
        List<String> parts = new ArrayList<>();
        for (String code : List.of(codes.addOn1to4(), codes.addOn5plus())) {
            LimbLines.mue(pack, code).ifPresent(edit -> parts.add(code + " at most " + edit.maxUnits()
                    + " per day (adjudication indicator " + edit.adjudicationIndicator() + ")"));
        }
        return parts.isEmpty() ? "" : "CMS medically unlikely edits allow " + String.join(" and ", parts) + ".";
    }

    /** Keeps {@code target} units across the lines in order; lines left with none are removed. */
    private static List<FixAction> reduceTo(List<ServiceLine> lines, int target) {
        List<FixAction> actions = new ArrayList<>();
        int remaining = target;
        for (ServiceLine line : lines) {
            int keep = Math.min(line.units(), remaining);
            remaining -= keep;
            if (keep == 0) {
                actions.add(new FixAction.RemoveLine(line.index()));
            } else if (keep < line.units()) {
                actions.add(new FixAction.SetUnits(line.index(), keep));
            }
        }
        return actions;
    }
}
