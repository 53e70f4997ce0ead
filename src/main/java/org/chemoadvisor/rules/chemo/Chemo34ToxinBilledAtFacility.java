package org.chemoadvisor.rules.chemo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.PolicyProfile;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.facts.SourcePaths;
import org.chemoadvisor.rulepack.CodeSets;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Rule;
import org.chemoadvisor.rules.Severity;

/**
 * CHEMO-34: a botulinum toxin J-code on a professional claim at a facility place of service
 * (hospital, ASC). The facility supplies the drug and bills it on its own claim; the physician
 * bills the procedure only. Claims only: an order or a documented procedure says nothing about
 * who bills the drug.
 */
public final class Chemo34ToxinBilledAtFacility implements Rule {

    public static final String ID = "CHEMO-34";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> evaluate(CodingFacts day, RulePack pack) {
        if (!day.professional()) {
            return List.of();
        }
        List<ServiceLine> atFacility = GuidanceLines.inSet(day, pack, CodeSets.TOXIN).stream()
                .filter(line -> line.paths().kind() == SourcePaths.Kind.CLAIM_ITEM)
                .filter(line -> pack.codeSets().contains(CodeSets.FACILITY_POS, day.placeOfServiceOf(line)))
                .toList();
        if (atFacility.isEmpty()) {
            return List.of();
        }
        return List.of(finding(day, pack, atFacility));
    }

    private static Finding finding(CodingFacts day, RulePack pack, List<ServiceLine> lines) {
        Set<String> codes = new TreeSet<>(GuidanceLines.codes(lines));
        Set<String> places = new TreeSet<>();
        lines.forEach(line -> places.add(day.placeOfServiceOf(line)));
        String drug = String.join(", ", codes);
        String detail = "**What:** " + drug + " is billed on a professional claim at place of service "
                + String.join(", ", places) + " (a facility).\n\n"
                + "**Why:** in a hospital or an ambulatory surgical center the facility supplies the drug and "
                + "bills it on its own claim; the physician's claim carries the procedure, paid at the facility "
                + "rate. A drug line here is either billed twice or not payable to the physician"
                + (day.profile() == PolicyProfile.MEDICARE ? "." : "; check the payer's contract for a physician-supplied drug.")
                + "\n\n**Source:** CMS Claims Processing Manual ch. 12 s. 20.4.2 (site of service: the facility is "
                + "paid for what it furnishes); " + pack.codeSets().citation(CodeSets.FACILITY_POS) + "; "
                + pack.codeSets().citation(CodeSets.TOXIN) + ".";
        return new Finding(ID, GuidanceLines.severity(day, Severity.ERROR, Severity.WARNING),
                "Toxin " + drug + " on a professional claim at a facility: the facility bills the drug",
                detail,
                List.of(pack.codeSets().citation(CodeSets.FACILITY_POS), pack.codeSets().citation(CodeSets.TOXIN)),
                GuidanceLines.paths(lines, line -> line.paths().code()),
                new Fix("Remove the drug line" + (lines.size() > 1 ? "s" : "") + " from the professional claim",
                        GuidanceLines.removeAll(lines)),
                Set.of("FACILITY-DRUG:" + String.join("+", codes)));
    }
}
