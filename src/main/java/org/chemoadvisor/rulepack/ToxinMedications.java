package org.chemoadvisor.rulepack;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chemoadvisor.rules.Citation;

/**
 * Names by which a medication is recognised as a botulinum toxin, each with the HCPCS J-code of
 * its drug line. A name matches as a whole word of the text, ignoring case ("Botox 100 unit vial",
 * "onabotulinumtoxinA 100 UNT Injection"), never inside another word.
 */
public final class ToxinMedications implements Versioned {

    /**
     * One name, the J-code it stands for, and how many units of the drug one billing unit of that
     * J-code is (J0586 is billed per 5 units, J0587 per 100): a line's quantity is billing units.
     */
    public record Entry(String name, String hcpcs, int drugUnitsPerBillingUnit, String source) {
    }

    private record Matcher(Pattern pattern, String hcpcs) {
    }

    private final List<Entry> entries;
    private final List<Matcher> matchers;
    private final Citation citation;

    public ToxinMedications(List<Entry> entries, Citation citation) {
        this.entries = List.copyOf(entries);
        this.matchers = this.entries.stream().map(e -> new Matcher(wholeWord(e.name()), e.hcpcs())).toList();
        this.citation = citation;
    }

    private static Pattern wholeWord(String name) {
        String quoted = Pattern.quote(name.toLowerCase(Locale.ROOT));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])");
    }

    /** The J-code of the first name found in the text, if any. */
    public Optional<String> hcpcsNamedIn(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return matchers.stream().filter(m -> m.pattern().matcher(lower).find()).map(Matcher::hcpcs).findFirst();
    }

    /** Drug units in one billing unit of the J-code, when the table names it. */
    public Optional<Integer> drugUnitsPerBillingUnit(String hcpcs) {
        return entries.stream().filter(e -> e.hcpcs().equals(hcpcs)).map(Entry::drugUnitsPerBillingUnit).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
