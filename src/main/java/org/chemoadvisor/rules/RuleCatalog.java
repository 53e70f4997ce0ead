package org.chemoadvisor.rules;

import java.util.List;
import org.chemoadvisor.rules.chemo.Chemo01AddOnWithoutPrimary;
import org.chemoadvisor.rules.chemo.Chemo02AddOn1To4WithoutPrimary;
import org.chemoadvisor.rules.chemo.Chemo03MoreThanOnePrimaryLimb;
import org.chemoadvisor.rules.chemo.Chemo04MoreThanFourLimbs;
import org.chemoadvisor.rules.chemo.Chemo05DocumentationDisagreesWithCodes;
import org.chemoadvisor.rules.chemo.Chemo06BilateralModifier;
import org.chemoadvisor.rules.chemo.Chemo07TrunkCodesTogether;
import org.chemoadvisor.rules.chemo.Chemo08MusclesNotPlaced;
import org.chemoadvisor.rules.chemo.Chemo10GuidanceWithoutProcedure;
import org.chemoadvisor.rules.chemo.Chemo11TwoGuidanceMethods;
import org.chemoadvisor.rules.chemo.Chemo12GuidanceUnitsAboveCap;
import org.chemoadvisor.rules.chemo.Chemo13GuidanceWithNeedleEmg;
import org.chemoadvisor.rules.chemo.Chemo14GuidanceIncludedInProcedure;
import org.chemoadvisor.rules.chemo.Chemo15GuidanceAtFacilityWithoutModifier26;
import org.chemoadvisor.rules.chemo.Chemo20PtpPairNeverTogether;
import org.chemoadvisor.rules.chemo.Chemo21PtpPairNeedsDistinctModifier;
import org.chemoadvisor.rules.chemo.Chemo22UnitsAboveMue;
import org.chemoadvisor.rules.chemo.Chemo23AddOnWithoutPrimary;
import org.chemoadvisor.rules.chemo.Chemo24DistinctModifierOnVisitPair;
import org.chemoadvisor.rules.chemo.Chemo30ToxinDiscardedDrugModifier;
import org.chemoadvisor.rules.chemo.Chemo31NoSupportingDiagnosis;
import org.chemoadvisor.rules.chemo.Chemo32NoToxinDrugLineInOffice;
import org.chemoadvisor.rules.chemo.Chemo34ToxinBilledAtFacility;
import org.chemoadvisor.rules.chemo.Chemo35DiagnosisNotValidOnDateOfService;
import org.chemoadvisor.rules.chemo.Chemo36DiagnosisForAnotherSite;
import org.chemoadvisor.rules.chemo.Chemo40VisitInGlobalPeriod;
import org.chemoadvisor.rules.chemo.Chemo41ReinjectionTooSoon;

/**
 * All rules, in precedence order: specific rules (CHEMO-01 to 15) before the general table
 * rules (CHEMO-20 to 23), so that one problem gets one finding.
 */
public final class RuleCatalog {

    private RuleCatalog() {
    }

    public static List<Rule> inPrecedenceOrder() {
        return List.of(
                // specific rules first: limbs and trunk (CHEMO-01 .. CHEMO-07), in ID order
                new Chemo01AddOnWithoutPrimary(),
                new Chemo02AddOn1To4WithoutPrimary(),
                new Chemo03MoreThanOnePrimaryLimb(),
                new Chemo04MoreThanFourLimbs(),
                // CHEMO-05 claims only its own key (DOCUMENTED-MUSCLES): the structural errors of CHEMO-01..04
                // still speak on the same lines, and CHEMO-05's warning adds the code set the documented
                // muscles support, which also resolves them. It fires only when muscles are documented.
                new Chemo05DocumentationDisagreesWithCodes(),
                new Chemo06BilateralModifier(),
                new Chemo07TrunkCodesTogether(),
                new Chemo08MusclesNotPlaced(),
                // Guidance rules: CHEMO-14 first (with a guidance-inclusive procedure the guidance line
                // is simply not reportable, which also answers CHEMO-10's missing primary), then 10, 11,
                // 12, 13, 15 in ID order.
                new Chemo14GuidanceIncludedInProcedure(),
                new Chemo10GuidanceWithoutProcedure(),
                new Chemo11TwoGuidanceMethods(),
                new Chemo12GuidanceUnitsAboveCap(),
                new Chemo13GuidanceWithNeedleEmg(),
                new Chemo15GuidanceAtFacilityWithoutModifier26(),
                // general table rules (CHEMO-20 .. CHEMO-23), in ID order
                new Chemo20PtpPairNeverTogether(),
                new Chemo21PtpPairNeedsDistinctModifier(),
                new Chemo22UnitsAboveMue(),
                new Chemo23AddOnWithoutPrimary(),
                new Chemo24DistinctModifierOnVisitPair(),
                // drug and diagnosis rules (CHEMO-30 .. CHEMO-36): they share no problem with the others.
                // CHEMO-31 and CHEMO-36 split the lines between them (no support at all / support for
                // another site); both judge a code CHEMO-35 reports by the codes that replace it.
                new Chemo30ToxinDiscardedDrugModifier(),
                new Chemo31NoSupportingDiagnosis(),
                new Chemo32NoToxinDrugLineInOffice(),
                new Chemo34ToxinBilledAtFacility(),
                new Chemo35DiagnosisNotValidOnDateOfService(),
                new Chemo36DiagnosisForAnotherSite(),
                // rules across dates of service (CHEMO-40 ..): other days of the claim and the patient's record
                new Chemo40VisitInGlobalPeriod(),
                new Chemo41ReinjectionTooSoon()
        );
    }
}
