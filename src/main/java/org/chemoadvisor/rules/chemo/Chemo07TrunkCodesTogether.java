package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Optional<String> keep = codeToKeep(codes, documented, upper, lower);
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary("The trunk is reported once a day: " + keep.map(code -> "report it as " + code + " x 1")
                        .orElse("report one trunk code, chosen by the number of trunk muscles injected"))
                .paragraph("What", "Trunk codes are reported " + LimbLines.units(trunk) + " times on this date of "
                        + "service: " + LimbLines.tally(codes.trunk6plus(), upper, codes.trunk1to5(), lower) + ".")
                .paragraph("Why", codes.describe(codes.trunk1to5()) + " and " + codes.describe(codes.trunk6plus())
                        + " are tiers of one service: all trunk muscles injected that day are counted once, and "
                        + "the count picks the code.")
                .paragraph("Keep", keepSentence(codes, documented, keep));
        if (keep.isPresent()) {
            String code = keep.get();
            ServiceLine kept = trunk.stream().filter(line -> line.code().equals(code)).findFirst()
                    .orElse(trunk.get(0));
            finding.at(locations(trunk, kept, code))
                    .fix(new Fix("Report the trunk once, as " + code + " x 1", actions(trunk, kept, code)));
        } else {
            finding.at(trunk.stream().map(line -> line.paths().code()).toList())
                    .fix(Fix.advice("Keep one trunk code x 1: " + countChoice(codes)));
        }
        finding.citeTiers(day, pack, codes.trunk1to5(), lower, codes.trunk6plus(), upper);
        return List.of(finding.build());
    }

    /**
     * The documented muscle count decides. Without it, a single trunk code billed is kept (only its
     * units are wrong); with both billed nothing tells which is right, so neither is picked.
     */
    private static Optional<String> codeToKeep(LimbCodes codes, long documentedMuscles, List<ServiceLine> upper,
            List<ServiceLine> lower) {
        if (documentedMuscles > 0) {
            return Optional.of(documentedMuscles >= TRUNK_UPPER_TIER_MUSCLES ? codes.trunk6plus() : codes.trunk1to5());
        }
        if (upper.isEmpty() == lower.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(upper.isEmpty() ? codes.trunk1to5() : codes.trunk6plus());
    }

    private static String keepSentence(LimbCodes codes, long documented, Optional<String> keep) {
        if (documented > 0) {
            return documented + " distinct trunk muscles are documented, which makes " + keep.orElseThrow() + ".";
        }
        return "No trunk muscles are documented, so the documented muscle count decides: " + countChoice(codes) + ".";
    }

    private static String countChoice(LimbCodes codes) {
        return codes.trunk1to5() + " for 1-5 trunk muscles, " + codes.trunk6plus() + " for "
                + TRUNK_UPPER_TIER_MUSCLES + " or more";
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
