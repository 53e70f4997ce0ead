package org.chemoadvisor.rulepack;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.chemoadvisor.rules.Citation;

/**
 * Muscles and the region each is counted in, found by SNOMED CT code or by name. Names are
 * compared normalized (lower case, letters and digits separated by single spaces, a trailing
 * "muscle" dropped), so "Flexor Carpi Radialis muscle" and "flexor-carpi-radialis" match.
 */
public final class MuscleTable implements Versioned {

    /** Compiled once: {@link #normalize} runs on every named bodySite of every request. */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    private final List<Muscle> muscles;
    private final Map<String, Muscle> bySnomed = new HashMap<>();
    private final Map<String, Muscle> byName = new HashMap<>();
    private final Citation citation;

    public MuscleTable(List<Muscle> muscles, Citation citation) {
        this.muscles = List.copyOf(muscles);
        this.citation = citation;
        for (Muscle muscle : this.muscles) {
            if (muscle.snomedCode() != null) {
                putUnique(bySnomed, muscle.snomedCode(), muscle);
            }
            putUnique(byName, normalize(muscle.name()), muscle);
            putUnique(byName, normalize(muscle.id()), muscle);
            muscle.synonyms().forEach(synonym -> putUnique(byName, normalize(synonym), muscle));
        }
    }

    private static void putUnique(Map<String, Muscle> map, String key, Muscle muscle) {
        Muscle earlier = map.putIfAbsent(key, muscle);
        if (earlier != null && !earlier.id().equals(muscle.id())) {
            throw new IllegalArgumentException("'" + key + "' names both " + earlier.id() + " and " + muscle.id());
        }
    }

    public List<Muscle> all() {
        return muscles;
    }

    public Optional<Muscle> bySnomedCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(bySnomed.get(code.trim()));
    }

    public Optional<Muscle> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalize(name)));
    }

    /** "Flexor Carpi-Radialis  muscle" becomes "flexor carpi radialis". */
    public static String normalize(String name) {
        String words = NOT_A_WORD.matcher(name.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        if (words.endsWith(" muscle")) {
            words = words.substring(0, words.length() - " muscle".length());
        }
        if (words.endsWith(" muscles")) {
            words = words.substring(0, words.length() - " muscles".length());
        }
        return words;
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
