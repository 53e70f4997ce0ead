package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;
import org.chemoadvisor.rules.derive.DerivedCodes;
import org.chemoadvisor.rules.derive.MuscleCodeDerivation;

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
        List<ServiceLine> addOns = new ArrayList<>(lower);
        addOns.addAll(upper);
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("Add-on limb units total " + (lowerUnits + upperUnits) + ", but at most "
                        + MAX_ADD_ON_LIMBS + " limbs follow the first: reduce to the limbs injected")
                .paragraph("What", LimbLines.tally(codes.addOn5plus(), upper, codes.addOn1to4(), lower)
                        + " on this date of service.")
                .paragraph("Why", "A patient has four limbs: one is reported with a first-limb code, so at most "
                        + MAX_ADD_ON_LIMBS + " units of the add-on limb codes together. " + mueSentence(pack, codes))
                .cite(pack.mue().citation())
                .at(LimbLines.unitPaths(addOns))
                .fix(fix(day, pack, codes, lower, upper));
        if (lowerOverMue) {
            finding.key(LimbFinding.mueKey(codes.addOn1to4()));
        }
        if (upperOverMue) {
            finding.key(LimbFinding.mueKey(codes.addOn5plus()));
        }
        return List.of(finding.build());
    }

    /**
     * Which limbs to drop is only known from the documentation: with every documented muscle placed,
     * the add-on units the muscles support are the target; with one add-on code billed, only its
     * units are cut; otherwise the coder decides and no edit is guessed.
     */
    private static Fix fix(CodingFacts day, RulePack pack, LimbCodes codes, List<ServiceLine> lower,
            List<ServiceLine> upper) {
        Optional<Map<String, Integer>> documented = documentedAddOnUnits(day, pack, codes);
        int lowerTarget;
        int upperTarget;
        if (documented.isPresent()) {
            lowerTarget = documented.get().getOrDefault(codes.addOn1to4(), 0);
            upperTarget = documented.get().getOrDefault(codes.addOn5plus(), 0);
        } else if (lower.isEmpty() || upper.isEmpty()) {
            lowerTarget = Math.min(LimbLines.units(lower), Math.min(cap(pack, codes.addOn1to4()), MAX_ADD_ON_LIMBS));
            upperTarget = Math.min(LimbLines.units(upper), Math.min(cap(pack, codes.addOn5plus()), MAX_ADD_ON_LIMBS));
        } else {
            return Fix.advice("Report at most " + MAX_ADD_ON_LIMBS + " add-on limbs, the ones injected: "
                    + codes.addOn1to4() + " for each with 1-4 muscles, " + codes.addOn5plus()
                    + " for each with 5 or more");
        }
        if (lowerTarget > LimbLines.units(lower) || upperTarget > LimbLines.units(upper)
                || lowerTarget + upperTarget == LimbLines.units(lower) + LimbLines.units(upper)) {
            // The documentation moves units between tiers: that recode is CHEMO-05's advice.
            return Fix.advice("Report at most " + MAX_ADD_ON_LIMBS + " add-on limbs, as documented");
        }
        List<FixAction> actions = new ArrayList<>(reduceTo(lower, lowerTarget));
        actions.addAll(reduceTo(upper, upperTarget));
        List<String> changes = new ArrayList<>();
        change(changes, codes.addOn1to4(), LimbLines.units(lower), lowerTarget);
        change(changes, codes.addOn5plus(), LimbLines.units(upper), upperTarget);
        String edits = String.join(", ", changes);
        return new Fix(documented.isPresent() ? "As documented: " + edits
                : Character.toUpperCase(edits.charAt(0)) + edits.substring(1), actions);
    }

    /** The add-on units the documented muscles support, when all are placed and they fit four limbs. */
    private static Optional<Map<String, Integer>> documentedAddOnUnits(CodingFacts day, RulePack pack,
            LimbCodes codes) {
        if (day.documentedMuscles().isEmpty()) {
            return Optional.empty();
        }
        DerivedCodes derived = new MuscleCodeDerivation(pack.codeSets()).derive(day.documentedMuscles());
        Map<String, Integer> units = derived.unitsByCode();
        int addOns = units.getOrDefault(codes.addOn1to4(), 0) + units.getOrDefault(codes.addOn5plus(), 0);
        return derived.unplaced().isEmpty() && addOns <= MAX_ADD_ON_LIMBS ? Optional.of(units) : Optional.empty();
    }

    private static void change(List<String> changes, String code, int units, int target) {
        if (target == units) {
            return;
        }
        changes.add(target == 0 ? "remove " + code : "report " + code + " x " + target);
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
