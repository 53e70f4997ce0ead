package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/** CHEMO-02: the 1-4 muscle limb add-on (64643) with no limb primary (64642 or 64644) the same day. */
public final class Chemo02AddOn1To4WithoutPrimary implements Rule {

    public static final String ID = "CHEMO-02";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        String addOn = codes.addOn1to4();
        List<ServiceLine> addOnLines = LimbLines.withCode(day, addOn);
        if (addOnLines.isEmpty()) {
            return List.of();
        }
        Set<String> primaries = pack.addOns().primariesFor(addOn, LimbLines.dateOf(addOnLines));
        if (primaries.isEmpty()) {
            primaries = Set.of(codes.primary1to4(), codes.primary5plus());
        }
        if (LimbLines.anyWithCodeIn(day, primaries)) {
            return List.of();
        }
        String primary = codes.primary1to4();
        ServiceLine first = addOnLines.get(0);
        return List.of(LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary(addOn + " is " + Reported.verb(day) + " with no first-limb code (" + LimbLines.joined(primaries, "or")
                        + "): report the first limb with its own code")
                .paragraph("What", codes.describe(addOn) + " is reported on this date of service without any "
                        + "first-limb chemodenervation code.")
                .paragraph("Why", addOn + " only counts limbs after the first. CMS accepts it only with "
                        + LimbLines.joined(primaries, "or") + LimbLines.editTypePhrase(pack, addOn)
                        + ". The first limb injected is reported with " + codes.describe(primary)
                        + ", or with " + codes.describe(codes.primary5plus()) + " if it had 5 or more muscles.")
                .cite(pack.addOns().citation())
                .at(LimbLines.codePaths(addOnLines))
                .key(LimbFinding.aocKey(addOn))
                .fix(new Fix("Report the first limb as " + primary + ": " + LimbLines.moveOneUnitLabel(first, primary),
                        LimbLines.moveOneUnit(first, primary)))
                .build());
    }
}
