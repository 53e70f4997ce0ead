package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-03: more than one first-limb code the same day (64642 with 64644, either with more than one
 * unit, or two lines of one). One limb is the first; the others are add-ons of their own tier.
 */
public final class Chemo03MoreThanOnePrimaryLimb implements Rule {

    public static final String ID = "CHEMO-03";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<ServiceLine> upper = LimbLines.withCode(day, codes.primary5plus());
        List<ServiceLine> lower = LimbLines.withCode(day, codes.primary1to4());
        List<ServiceLine> primaries = new ArrayList<>(upper);
        primaries.addAll(lower);
        if (LimbLines.units(primaries) <= 1) {
            return List.of();
        }
        // The limb with the most muscles stays the first limb: a 5+ muscle limb if there is one.
        ServiceLine kept = upper.isEmpty() ? lower.get(0) : upper.get(0);
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("Only one limb is the first limb: keep one " + kept.code()
                        + " and report the other limbs with add-on codes")
                .paragraph("What", "First-limb codes are reported " + LimbLines.units(primaries)
                        + " times on this date of service: " + LimbLines.tally(codes.primary5plus(), upper, codes.primary1to4(), lower) + ".")
                .paragraph("Why", codes.describe(codes.primary1to4()) + " and " + codes.describe(codes.primary5plus())
                        + " each stand for the first limb of the session; every other limb is reported with "
                        + codes.describe(codes.addOn1to4()) + " or " + codes.describe(codes.addOn5plus())
                        + ". The limb with the most muscles is the first limb.")
                .fix(new Fix("Keep " + kept.code() + " once; report the other limbs with "
                        + codes.addOn1to4() + " or " + codes.addOn5plus(), actions(codes, primaries, kept)))
                .at(locations(primaries, kept));
        finding.citeTiers(day, pack, codes.primary1to4(), lower, codes.primary5plus(), upper);
        return List.of(finding.build());
    }

    private static List<FixAction> actions(LimbCodes codes, List<ServiceLine> primaries, ServiceLine kept) {
        List<FixAction> actions = new ArrayList<>();
        for (ServiceLine line : primaries) {
            String addOn = codes.addOnOfSameTier(line.code());
            if (line.index() != kept.index()) {
                actions.add(new FixAction.ChangeCode(line.index(), addOn));
            } else if (line.units() > 1) {
                actions.add(new FixAction.SetUnits(line.index(), 1));
                actions.add(new FixAction.AddLine(addOn, line.units() - 1, List.of(), line.index()));
            }
        }
        return actions;
    }

    private static List<String> locations(List<ServiceLine> primaries, ServiceLine kept) {
        List<String> paths = new ArrayList<>();
        for (ServiceLine line : primaries) {
            if (line.index() != kept.index()) {
                paths.add(line.paths().code());
            } else if (line.units() > 1) {
                paths.add(line.paths().units());
            }
        }
        return paths;
    }
}
