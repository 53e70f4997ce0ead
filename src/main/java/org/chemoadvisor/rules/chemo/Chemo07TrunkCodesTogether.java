package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-07: the two trunk codes (64646, 64647) together, or either above one unit. The trunk is
 * reported once a day, with the code that matches the number of trunk muscles injected.
 */
public final class Chemo07TrunkCodesTogether implements Rule {

    public static final String ID = "CHEMO-07";

    /** The fewest trunk muscles that make the 6+ muscle trunk code (the code tiers are 1-5 and 6+). */
    static final int TRUNK_UPPER_TIER_MUSCLES = 6;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<ServiceLine> lower = LimbLines.withCode(day, codes.trunk1to5());
        List<ServiceLine> upper = LimbLines.withCode(day, codes.trunk6plus());
        List<ServiceLine> trunk = new ArrayList<>(upper);
        trunk.addAll(lower);
        if (LimbLines.units(trunk) <= 1) {
            return List.of();
        }
        long documented = documentedTrunkMuscles(day);
        String keep = codeToKeep(codes, documented, upper);
        ServiceLine kept = trunk.stream().filter(line -> line.code().equals(keep)).findFirst().orElse(trunk.get(0));
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("The trunk is reported once a day: report it as " + keep + " x 1")
                .paragraph("What", "Trunk codes are reported " + LimbLines.units(trunk) + " times on this date of "
                        + "service: " + LimbLines.tally(codes.trunk6plus(), upper, codes.trunk1to5(), lower) + ".")
                .paragraph("Why", codes.describe(codes.trunk1to5()) + " and " + codes.describe(codes.trunk6plus())
                        + " are tiers of one service: all trunk muscles injected that day are counted once, and "
                        + "the count picks the code.")
                .paragraph("Keep", documented > 0
                        ? documented + " distinct trunk muscles are documented, which makes " + keep + "."
                        : "No trunk muscles are documented; " + keep + " is kept, but the documented muscle count "
                        + "decides (" + codes.trunk1to5() + " for 1-5, " + codes.trunk6plus() + " for 6 or more).")
                .at(locations(trunk, kept, keep))
                .fix(new Fix("Report the trunk once, as " + keep + " x 1", actions(trunk, kept, keep)));
        finding.citeTiers(day, pack, codes.trunk1to5(), lower, codes.trunk6plus(), upper);
        return List.of(finding.build());
    }

    /** The documented muscle count decides; without it the higher tier billed is kept for review. */
    private static String codeToKeep(LimbCodes codes, long documentedMuscles, List<ServiceLine> upper) {
        if (documentedMuscles > 0) {
            return documentedMuscles >= TRUNK_UPPER_TIER_MUSCLES ? codes.trunk6plus() : codes.trunk1to5();
        }
        return upper.isEmpty() ? codes.trunk1to5() : codes.trunk6plus();
    }

    private static long documentedTrunkMuscles(CodingFacts day) {
        return day.documentedMuscles().stream().filter(m -> m.region() == Region.TRUNK)
                .map(DocumentedMuscle::muscleId).distinct().count();
    }

    private static List<FixAction> actions(List<ServiceLine> trunk, ServiceLine kept, String keep) {
        List<FixAction> actions = new ArrayList<>();
        for (ServiceLine line : trunk) {
            if (line.index() != kept.index()) {
                actions.add(new FixAction.RemoveLine(line.index()));
                continue;
            }
            if (!line.code().equals(keep)) {
                actions.add(new FixAction.ChangeCode(line.index(), keep));
            }
            if (line.units() > 1) {
                actions.add(new FixAction.SetUnits(line.index(), 1));
            }
        }
        return actions;
    }

    private static List<String> locations(List<ServiceLine> trunk, ServiceLine kept, String keep) {
        List<String> paths = new ArrayList<>();
        for (ServiceLine line : trunk) {
            if (line.index() != kept.index() || !line.code().equals(keep)) {
                paths.add(line.paths().code());
            }
            if (line.index() == kept.index() && line.units() > 1) {
                paths.add(line.paths().units());
            }
        }
        return paths;
    }
}
