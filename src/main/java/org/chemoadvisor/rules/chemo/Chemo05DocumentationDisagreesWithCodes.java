package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;
import org.chemoadvisor.rules.derive.DerivedCodes;
import org.chemoadvisor.rules.derive.MuscleCodeDerivation;
import org.chemoadvisor.rules.derive.UnplacedMuscles;

/**
 * CHEMO-05: the documented muscles support other limb, trunk or neck codes than those billed or
 * ordered. Suggests the derived code set as one fix. Silent when no muscle is documented or none
 * can be placed. Muscles it cannot place are CHEMO-08's: when placing them somewhere could make
 * the documentation support the codes reported, the mismatch is not certain and this rule stays
 * silent; when no placement could, it fires without a recode (the placed muscles alone may not be
 * the whole story).
 */
public final class Chemo05DocumentationDisagreesWithCodes implements Rule {

    public static final String ID = "CHEMO-05";
    /** The problem this rule owns: the codes disagree with the documented muscles. */
    static final String KEY = "DOCUMENTED-MUSCLES";
    static final String UNDATED_KEY = "DOCUMENTED-MUSCLES-UNDATED";
    /** The code sets whose codes the derivation decides. */
    static final List<String> DERIVED_SETS = List.of(CodeSets.LIMB_PRIMARY_1_TO_4, CodeSets.LIMB_PRIMARY_5_PLUS,
            CodeSets.LIMB_ADDON_1_TO_4, CodeSets.LIMB_ADDON_5_PLUS, CodeSets.TRUNK_1_TO_5, CodeSets.TRUNK_6_PLUS,
            CodeSets.NECK);

    /** The lines whose codes the documented muscles decide (limb, trunk and neck codes). */
    static List<ServiceLine> derivedCodeLines(CodingFacts day, RulePack pack) {
        return day.lines().stream()
                .filter(line -> DERIVED_SETS.stream().anyMatch(set -> pack.codeSets().contains(set, line.code())))
                .toList();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        List<Finding> findings = new ArrayList<>();
        if (!day.undatedMuscles().isEmpty()) {
            findings.add(undated(pack, day.undatedMuscles()));
        }
        if (day.documentedMuscles().isEmpty()) {
            return findings;
        }
        DerivedCodes derived = new MuscleCodeDerivation(pack.codeSets()).derive(day.documentedMuscles());
        List<ServiceLine> billed = derivedCodeLines(day, pack);
        Map<String, Integer> reported = LimbLines.unitsByCode(billed);
        if (!derived.codes().isEmpty() && !billed.isEmpty() && !reported.equals(derived.unitsByCode())) {
            if (derived.unplaced().isEmpty()) {
                findings.add(disagreement(pack, billed, derived, Reported.verb(day), true));
            } else if (!UnplacedMuscles.couldSupport(new MuscleCodeDerivation(pack.codeSets()),
                    day.documentedMuscles(), reported)) {
                findings.add(disagreement(pack, billed, derived, Reported.verb(day), false));
            }
        }
        return findings;
    }

    private static Finding disagreement(RulePack pack, List<ServiceLine> billed, DerivedCodes derived,
            String verb, boolean allPlaced) {
        LimbCodes codes = new LimbCodes(pack);
        String billedText = describe(billed);
        return LimbFinding.of(ID)
                .severity(Severity.WARNING)
                .summary(summary(billedText, derived.describe()))
                .paragraph("What", Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + ": " + billedText + ". The documented muscles support "
                        + derived.describe() + ".")
                .paragraph("Muscles", counts(derived))
                .paragraph("Why", "Each limb is counted by its distinct injected muscles (hand with its arm, foot "
                        + "with its leg); the limb with the most muscles is the first limb: "
                        + codes.describe(codes.primary5plus()) + " or " + codes.describe(codes.primary1to4())
                        + "; every other limb is " + codes.describe(codes.addOn5plus()) + " or "
                        + codes.describe(codes.addOn1to4()) + ". Trunk and neck muscles are counted apart.")
                .paragraph("Not placed", allPlaced ? null : derived.unplaced().size() + " documented muscle(s) "
                        + "could not be placed (see CHEMO-08); wherever they belong, the reported codes do not match.")
                .fix(allPlaced
                        ? Fix.fromDocumentation("Report " + derived.describe() + " as the documentation supports",
                                CodeSetEdits.replace(billed, derived.codes(), derived::regionsOf))
                        : Fix.advice("Place the muscles CHEMO-08 names (known name, side), then recode from the "
                                + "documentation"))
                .at(LimbLines.codePaths(billed))
                .at(LimbLines.unitPaths(billed))
                .key(KEY)
                .cite(pack.codeSets().citation())
                .cite(pack.muscles().citation())
                .build();
    }

    private static String summary(String billed, String derived) {
        String text = "Documented muscles support " + derived + ", not " + billed;
        return text.length() <= Finding.MAX_SUMMARY ? text : "Documented muscles support " + derived;
    }

    private static Finding undated(RulePack pack, List<DocumentedMuscle> muscles) {
        String summary = muscles.size() + (muscles.size() == 1 ? " documented muscle was" : " documented muscles were")
                + " not counted: no date of service matches when injected";
        List<String> names = muscles.stream().map(m -> m.name() + (m.date() == null ? " (no date)"
                : " (" + m.date() + ", no line that day)")).distinct().toList();
        return LimbFinding.of(ID)
                .severity(Severity.INFORMATION)
                .summary(summary)
                .paragraph("What", "Not counted on any date of service: " + String.join(", ", names) + ".")
                .paragraph("Why", "Each date of service is checked against the muscles injected that day. These "
                        + "muscles carry no date while the lines span several dates, or carry a date no line has.")
                .fix(Fix.advice("Record when each muscle was injected (the Procedure's performed date)"))
                .at(muscles.stream().map(DocumentedMuscle::path).toList())
                .key(UNDATED_KEY)
                .cite(pack.muscles().citation())
                .build();
    }

    private static String counts(DerivedCodes derived) {
        List<String> parts = new ArrayList<>();
        derived.musclesByRegion().forEach((region, n) -> parts.add(label(region) + ": " + n
                + (n == 1 ? " muscle" : " muscles")));
        return String.join("; ", parts) + ".";
    }

    private static String label(Region region) {
        return region.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String describe(List<ServiceLine> lines) {
        return String.join(" + ", lines.stream()
                .map(l -> l.units() == 1 ? l.code() : l.code() + " x " + l.units()).toList());
    }
}
