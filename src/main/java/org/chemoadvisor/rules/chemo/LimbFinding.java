package org.chemoadvisor.rules.chemo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.facts.ServiceLine;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Citation;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.Fix;
import org.chemoadvisor.rules.Severity;

/** Collects the parts of a finding; also names problem keys the way the team convention spells them. */
final class LimbFinding {

    private final String ruleId;
    private Severity severity = Severity.ERROR;
    private String summary;
    private final StringBuilder detail = new StringBuilder();
    private final Set<Citation> citations = new LinkedHashSet<>();
    private final Set<String> locations = new LinkedHashSet<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private Fix fix;

    private LimbFinding(String ruleId) {
        this.ruleId = ruleId;
    }

    static LimbFinding of(String ruleId) {
        return new LimbFinding(ruleId);
    }

    static String aocKey(String addOnCode) {
        return "AOC:" + addOnCode;
    }

    static String ptpKey(String a, String b) {
        return "PTP:" + String.join("+", new TreeSet<>(List.of(a, b)));
    }

    static String mueKey(String code) {
        return "MUE:" + code;
    }

    static String bilateralKey(String code) {
        return "BILATERAL:" + code;
    }

    LimbFinding severity(Severity value) {
        this.severity = value;
        return this;
    }

    LimbFinding summary(String value) {
        this.summary = value;
        return this;
    }

    /** Appends a Markdown paragraph headed by a bold label ("What", "Why", "Fix", "Source"). */
    /** Appends a labelled paragraph; a null text adds nothing. */
    LimbFinding paragraph(String label, String text) {
        if (text == null) {
            return this;
        }
        if (detail.length() > 0) {
            detail.append("\n\n");
        }
        detail.append("**").append(label).append(":** ").append(text);
        return this;
    }

    LimbFinding cite(Citation citation) {
        citations.add(citation);
        return this;
    }

    /** Cites the code sets' own source when no CMS table applied (e.g. a table lacks the code). */
    /**
     * Two tiers of one code family billed on one day: quotes their PTP edit when both are present,
     * each one's MUE when exceeded, else the code sets.
     */
    LimbFinding citeTiers(CodingFacts day, RulePack pack, String lowerCode, List<ServiceLine> lower,
            String upperCode, List<ServiceLine> upper) {
        if (!upper.isEmpty() && !lower.isEmpty()) {
            pairedCodes(pack, lowerCode, upperCode, LimbLines.dateOf(day.lines()));
        }
        return unitsOverMue(pack, upper).unitsOverMue(pack, lower).citeIfNone(pack.codeSets().citation());
    }

    LimbFinding citeIfNone(Citation citation) {
        if (citations.isEmpty()) {
            citations.add(citation);
        }
        return this;
    }

    /**
     * Two codes billed together: quotes their NCCI PTP edit when the table has one, and claims the pair's
     * problem key either way (this finding explains the pair).
     */
    LimbFinding pairedCodes(RulePack pack, String a, String b, LocalDate date) {
        pack.ptp().findEitherOrder(a, b, date).ifPresent(edit -> paragraph("Pair", "CMS pairs column 1 "
                + edit.column1() + " with column 2 " + edit.column2() + " (modifier indicator "
                + edit.modifierIndicator() + (edit.modifierIndicator() == 0 ? ": never together" : "") + ").")
                .cite(pack.ptp().citation()));
        return key(ptpKey(a, b));
    }

    /** Lines of one code whose units add up above the code's MUE: quotes the edit and claims its key. */
    LimbFinding unitsOverMue(RulePack pack, List<ServiceLine> sameCodeLines) {
        if (sameCodeLines.isEmpty()) {
            return this;
        }
        String code = sameCodeLines.get(0).code();
        int units = LimbLines.units(sameCodeLines);
        LimbLines.mue(pack, code).filter(edit -> units > edit.maxUnits()).ifPresent(edit ->
                paragraph("Units", code + " is reported " + units + " times; its MUE is " + edit.maxUnits()
                        + " per day.").cite(pack.mue().citation()).key(mueKey(code)));
        return this;
    }

    LimbFinding at(Collection<String> paths) {
        locations.addAll(paths);
        return this;
    }

    LimbFinding at(String path) {
        locations.add(path);
        return this;
    }

    LimbFinding key(String key) {
        keys.add(key);
        return this;
    }

    LimbFinding fix(Fix value) {
        this.fix = value;
        return this;
    }

    Finding build() {
        paragraph("Source", sources());
        return new Finding(ruleId, severity, summary, detail.toString(), new ArrayList<>(citations),
                new ArrayList<>(locations), fix, keys);
    }

    private String sources() {
        return String.join("; ", citations.stream().map(Citation::toString).toList()) + ".";
    }
}
