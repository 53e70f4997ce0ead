package org.chemoadvisor.rules.chemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-01: the 5+ muscle limb add-on (64645) without the 5+ muscle limb primary (64644) the
 * same day. With no limb primary at all it is an error everywhere; with only the 1-4 muscle
 * primary (64642) the sources disagree (see RULES.md), so it is an error under Medicare and a
 * warning under the commercial profile.
 */
public final class Chemo01AddOnWithoutPrimary implements Rule {

    public static final String ID = "CHEMO-01";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        LimbCodes codes = new LimbCodes(pack);
        List<ServiceLine> addOnLines = LimbLines.withCode(day, codes.addOn5plus());
        if (addOnLines.isEmpty()) {
            return List.of();
        }
        Set<String> primaries = acceptedPrimaries(pack, codes, addOnLines);
        if (LimbLines.anyWithCodeIn(day, primaries)) {
            return List.of();
        }
        List<ServiceLine> lowerTierPrimaries = LimbLines.withCode(day, codes.primary1to4());
        Finding finding = lowerTierPrimaries.isEmpty()
                ? noPrimary(day, pack, codes, addOnLines, primaries)
                : lowerTierPrimaryOnly(day, pack, codes, addOnLines, lowerTierPrimaries, primaries);
        return List.of(finding);
    }

    private static Set<String> acceptedPrimaries(RulePack pack, LimbCodes codes, List<ServiceLine> addOnLines) {
        Set<String> listed = pack.addOns().primariesFor(codes.addOn5plus(), LimbLines.dateOf(addOnLines));
        return listed.isEmpty() ? Set.of(codes.primary5plus()) : listed;
    }

    private static Finding noPrimary(CodingFacts day, RulePack pack, LimbCodes codes, List<ServiceLine> addOnLines,
            Set<String> primaries) {
        String addOn = codes.addOn5plus();
        String primary = codes.primary5plus();
        ServiceLine first = addOnLines.get(0);
        LimbFinding finding = LimbFinding.of(ID)
                .severity(Severity.ERROR)
                .summary(addOn + " is " + Reported.verb(day) + " with no first-limb code: report the first limb with 5+ muscles as "
                        + primary)
                .paragraph("What", codes.describe(addOn) + " is reported on this date of service without any "
                        + "first-limb chemodenervation code.")
                .paragraph("Why", addOn + " only counts limbs after the first. CMS lists "
                        + LimbLines.joined(primaries, "or") + " as its acceptable primary"
                        + LimbLines.editTypePhrase(pack, addOn) + ", so one limb with 5 or more muscles is reported as "
                        + codes.describe(primary) + " and only the others as " + addOn + ".")
                .cite(pack.addOns().citation())
                .at(LimbLines.codePaths(addOnLines))
                .key(LimbFinding.aocKey(addOn))
                .fix(new Fix("Report the first limb as " + primary + ": "
                        + LimbLines.moveOneUnitLabel(first, primary), LimbLines.moveOneUnit(first, primary)));
        List<ServiceLine> lowerAddOns = LimbLines.withCode(day, codes.addOn1to4());
        if (!lowerAddOns.isEmpty()) {
            // The same fix gives the 1-4 muscle add-on its primary: one problem, one finding.
            finding.paragraph("Also", "The " + codes.addOn1to4() + " limbs have no primary either; reporting "
                    + primary + " covers them too.")
                    .key(LimbFinding.aocKey(codes.addOn1to4()));
        }
        return finding.build();
    }

    private static Finding lowerTierPrimaryOnly(CodingFacts day, RulePack pack, LimbCodes codes,
            List<ServiceLine> addOnLines, List<ServiceLine> lowerTierPrimaries, Set<String> primaries) {
        String addOn = codes.addOn5plus();
        String primary = codes.primary5plus();
        String lowerPrimary = codes.primary1to4();
        String lowerAddOn = codes.addOn1to4();
        boolean medicare = day.profile() == PolicyProfile.MEDICARE;
        List<FixAction> actions = new ArrayList<>(LimbLines.moveOneUnit(lowerTierPrimaries.get(0), primary));
        actions.addAll(LimbLines.moveOneUnit(addOnLines.get(0), lowerAddOn));
        List<String> locations = new ArrayList<>(LimbLines.codePaths(lowerTierPrimaries));
        locations.addAll(LimbLines.codePaths(addOnLines));
        return LimbFinding.of(ID)
                .severity(medicare ? Severity.ERROR : Severity.WARNING)
                .summary(addOn + " rides on " + lowerPrimary + ", but its primary is " + primary + ": recode "
                        + lowerPrimary + " + " + addOn + " as " + primary + " + " + lowerAddOn)
                .paragraph("What", codes.describe(addOn) + " is reported with " + codes.describe(lowerPrimary)
                        + " and no " + primary + ".")
                .paragraph("Why", "The sources disagree. The product brief (SEED) lets " + addOn + " ride on "
                        + lowerPrimary + " or " + primary + ". CMS lists " + LimbLines.joined(primaries, "or")
                        + " as the only primary of " + addOn + LimbLines.editTypePhrase(pack, addOn)
                        + ", and CPT logic agrees: if any limb had 5 or more muscles, that limb is the first limb ("
                        + primary + ") and limbs with 1-4 muscles are each reported with " + lowerAddOn + ".")
                .paragraph("Profile", medicare
                        ? "Medicare: the CMS edit is binding, so this is an error."
                        : "Commercial (CPT): the CMS edit only warns, but the CPT reading gives the same coding.")
                .paragraph("Fix", "Same limbs, same muscles, with the 5+ muscle limb as the first limb: recode "
                        + lowerPrimary + " as " + primary + " and " + addOn + " as " + lowerAddOn + ".")
                .cite(pack.addOns().citation())
                .at(locations)
                .key(LimbFinding.aocKey(addOn))
                .fix(new Fix("Recode " + lowerPrimary + " + " + addOn + " as " + primary + " + " + lowerAddOn,
                        actions))
                .build();
    }
}
