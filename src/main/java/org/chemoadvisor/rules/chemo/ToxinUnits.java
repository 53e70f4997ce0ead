package org.chemoadvisor.rules.chemo;

import java.util.List;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.MueEdit;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.FixAction;

/**
 * Toxin units above the MUE. A toxin's quantity is billing units (J0586 per 5 units of drug), so a
 * figure far above the edit is most often the dose keyed as units; and the toxin edits are clinical
 * (adjudication indicator 3: payable above them on appeal with documentation). The advice never
 * proposes a number the record may not support: only the dose converted to billing units, and only
 * when that conversion lands within the edit.
 */
final class ToxinUnits {

    private ToxinUnits() {
    }

    static Fix fix(MueEdit mue, List<ServiceLine> lines, int units, RulePack pack) {
        int perBillingUnit = perBillingUnit(mue.code(), pack);
        if (perBillingUnit > 1 && lines.size() == 1 && units % perBillingUnit == 0
                && units / perBillingUnit <= mue.maxUnits()) {
            int billing = units / perBillingUnit;
            return Fix.of("If " + units + " is the dose in units of drug, report " + billing + ": " + mue.code()
                    + " is billed per " + perBillingUnit + " units", new FixAction.SetUnits(lines.get(0).index(), billing));
        }
        return Fix.advice("Check the quantity against the dose given and discarded, in " + mue.code()
                + "'s billing unit" + (perBillingUnit > 1 ? " (" + perBillingUnit + " units of drug)" : "")
                + "; if it is right, keep it and send the documentation: the edit is clinical and appealable");
    }

    /** The detail paragraph on billing units, for toxin codes only (empty otherwise). */
    static String paragraph(String code, int units, RulePack pack) {
        if (pack.toxinMedications().drugUnitsPerBillingUnit(code).isEmpty()) {
            return "";
        }
        int perBillingUnit = perBillingUnit(code, pack);
        String unit = perBillingUnit == 1 ? "1 unit of drug" : perBillingUnit + " units of drug";
        return "**Billing unit:** " + code + " is billed per " + unit + ", so " + units + " billing units stand for "
                + (long) units * perBillingUnit + " units of drug. A toxin's MUE is clinical (adjudication "
                + "indicator 3): units above it are denied unless the record supports them on appeal.\n\n";
    }

    private static int perBillingUnit(String code, RulePack pack) {
        return pack.toxinMedications().drugUnitsPerBillingUnit(code).orElse(1);
    }
}
