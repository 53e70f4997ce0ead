package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Map;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.DocumentedMuscle;
import org.chemoadvisor.facts.Region;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;
import org.chemoadvisor.rules.derive.DerivedCodes;
import org.chemoadvisor.rules.derive.MuscleCodeDerivation;
import org.chemoadvisor.rules.derive.UnplacedMuscles;

/**
 * CHEMO-08: documented muscles the service cannot place (a name the muscle table does not know, a
 * limb muscle without its side) are named and never counted. When placing them could make the
 * documentation support the codes reported, the codes cannot be confirmed: said plainly, with no
 * recode (CHEMO-05 stays silent then). Information under both profiles.
 */
public final class Chemo08MusclesNotPlaced implements Rule {

    public static final String ID = "CHEMO-08";
    static final String KEY = "DOCUMENTED-MUSCLES-UNPLACED";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        if (day.documentedMuscles().isEmpty()) {
            return List.of();
        }
        MuscleCodeDerivation derivation = new MuscleCodeDerivation(pack.codeSets());
        DerivedCodes derived = derivation.derive(day.documentedMuscles());
        if (derived.unplaced().isEmpty()) {
            return List.of();
        }
        List<ServiceLine> reported = Chemo05DocumentationDisagreesWithCodes.derivedCodeLines(day, pack);
        Map<String, Integer> units = LimbLines.unitsByCode(reported);
        boolean unconfirmed = !reported.isEmpty() && !units.equals(derived.unitsByCode())
                && UnplacedMuscles.couldSupport(derivation, day.documentedMuscles(), units);
        return List.of(finding(pack, derived, reported, unconfirmed));
    }

    private static Finding finding(RulePack pack, DerivedCodes derived, List<ServiceLine> reported,
            boolean unconfirmed) {
        List<DocumentedMuscle> muscles = derived.unplaced();
        List<String> names = muscles.stream().map(m -> m.name() + (m.region() == Region.UNSPECIFIED_LIMB
                ? " (side not documented)" : " (not a known muscle)")).distinct().toList();
        String count = muscles.size() + (muscles.size() == 1 ? " documented muscle" : " documented muscles");
        String codes = String.join(" + ", reported.stream().map(ServiceLine::code).distinct().toList());
        String summary = unconfirmed
                ? codes + " cannot be confirmed: " + count + " could not be placed"
                : count + (muscles.size() == 1 ? " was" : " were") + " not counted: the service cannot place "
                        + (muscles.size() == 1 ? "it" : "them");
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.INFORMATION)
                .summary(summary.length() <= Finding.MAX_SUMMARY ? summary : count + " could not be placed")
                .paragraph("What", "Not counted toward any limb, trunk or neck code: " + String.join(", ", names) + ".")
                .paragraph("Codes", unconfirmed ? "Without them the placed muscles support " + derived.describe()
                        + "; with them the documentation may support the codes reported (" + codes + "). The "
                        + "codes are neither confirmed nor contradicted: do not recode on this finding." : null)
                .paragraph("Why", "A muscle counts only when the muscle table knows it (by SNOMED CT code or name) "
                        + "and, for a limb muscle, the side is documented (a laterality qualifier, a lateralized "
                        + "concept, or left/right in the text).")
                .fix(Fix.advice("Document the muscle by a known name or code, with its side"))
                .at(muscles.stream().map(DocumentedMuscle::path).toList())
                .key(KEY)
                .cite(pack.muscles().citation());
        return finding.build();
    }
}
