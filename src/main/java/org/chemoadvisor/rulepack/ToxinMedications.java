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

    /** One name and the J-code it stands for. */
    public record Entry(String name, String hcpcs, String source) {
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

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
