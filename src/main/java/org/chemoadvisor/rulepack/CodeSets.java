package org.chemoadvisor.rulepack;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.chemoadvisor.rules.Citation;

/**
 * Named sets of codes the rules reason about (which codes are limb primaries, which modifiers
 * mark a distinct service, which places of service are facilities...). Loaded from data so that
 * no code list lives in an {@code if}. Names are the constants below. A set read from a FHIR
 * ValueSet carries that ValueSet's citation (title, version, canonical URL); the others cite the
 * code-sets table.
 */
public final class CodeSets implements Versioned {

    /** Chemodenervation procedures a guidance code may accompany (64612, 64615, 64616, 64642-64647). */
    public static final String CHEMODENERVATION = "chemodenervation";
    public static final String LIMB_PRIMARY_1_TO_4 = "limb-primary-1-4";
    public static final String LIMB_PRIMARY_5_PLUS = "limb-primary-5plus";
    public static final String LIMB_ADDON_1_TO_4 = "limb-addon-1-4";
    public static final String LIMB_ADDON_5_PLUS = "limb-addon-5plus";
    public static final String TRUNK_1_TO_5 = "trunk-1-5";
    public static final String TRUNK_6_PLUS = "trunk-6plus";
    public static final String NECK = "neck";
    /** Codes on which modifier 50 is checked (64642-64647). */
    public static final String LIMB_AND_TRUNK = "limb-and-trunk";
    public static final String GUIDANCE = "guidance";
    /** Chemodenervation codes that already include guidance (64617). */
    public static final String GUIDANCE_INCLUDED = "guidance-included";
    public static final String NEEDLE_EMG = "needle-emg";
    public static final String FACILITY_POS = "facility-pos";
    public static final String DISTINCT_SERVICE_MODIFIERS = "distinct-service-modifiers";
    public static final String EM_DISTINCT_MODIFIERS = "em-distinct-modifiers";
    public static final String EVALUATION_MANAGEMENT = "evaluation-management";
    public static final String PROFESSIONAL_COMPONENT_MODIFIERS = "professional-component-modifiers";
    public static final String BILATERAL_MODIFIERS = "bilateral-modifiers";
    /**
     * MPFS bilateral surgery indicator values on which modifier 50 is not used (0: no bilateral
     * adjustment, 2: already bilateral, 9: concept does not apply).
     */
    public static final String BILATERAL_MODIFIER_NOT_APPLICABLE = "bilateral-modifier-not-applicable";
    /** RT and LT: two lines of a code with bilateral indicator 1 are one line with modifier 50. */
    public static final String SIDE_MODIFIERS = "side-modifiers";
    public static final String TOXIN = "toxin";
    public static final String DISCARDED_DRUG_MODIFIERS = "discarded-drug-modifiers";
    public static final String OFFICE_POS = "office-pos";
    /**
     * Chemodenervation codes done in the office with a toxin the practice usually buys, so a missing
     * drug line is worth a note (64612, 64615, 64616, 64642-64647; not 64617, done with guidance in facilities).
     */
    public static final String DRUG_LINE_EXPECTED = "drug-line-expected";
    /** One ISO date: the first date of service on which toxin lines need JW or JZ. */
    public static final String DISCARDED_DRUG_POLICY_START = "discarded-drug-policy-start";
    /** One number: the fewest days between two chemodenervations of one treatment region (a payer policy setting). */
    public static final String REINJECTION_MINIMUM_DAYS = "reinjection-minimum-days";
    /** Modifiers that make an E/M in a procedure's postoperative (global) period separately payable (24). */
    public static final String POSTOPERATIVE_EM_MODIFIERS = "postoperative-em-modifiers";
    /** ICD-10-CM prefixes (no dots) that alone support limb or trunk chemodenervation. */
    public static final String SUPPORTING_DIAGNOSIS = "supporting-diagnosis";
    /** ICD-10-CM prefixes that support it only together with a {@link #MUSCLE_SPASM_DIAGNOSIS}. */
    public static final String SUPPORTING_DIAGNOSIS_WITH_SPASM = "supporting-diagnosis-with-spasm";
    public static final String MUSCLE_SPASM_DIAGNOSIS = "muscle-spasm-diagnosis";

    private final Map<String, Set<String>> sets;
    private final Citation citation;
    private final Map<String, Citation> setCitations;
    private final Map<String, List<String>> namesByPrefix = new ConcurrentHashMap<>();
    private final Map<String, int[]> prefixLengths = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> dates = new ConcurrentHashMap<>();
    private final Map<String, String> singles = new ConcurrentHashMap<>();

    public CodeSets(Map<String, ? extends Collection<String>> sets, Citation citation) {
        this(sets, citation, Map.of());
    }

    /**
     * @param citation      what the sets without an entry in {@code setCitations} rest on
     * @param setCitations  per set, the source it was read from (a ValueSet)
     */
    public CodeSets(Map<String, ? extends Collection<String>> sets, Citation citation,
            Map<String, Citation> setCitations) {
        // HashMap and HashSet rather than Map.copyOf and Set.copyOf: the rules ask these several hundred
        // times per claim, and a hash look-up with a cached String hash beats the immutable sets' probing.
        Map<String, Set<String>> copy = new HashMap<>();
        sets.forEach((name, codes) -> copy.put(name, Collections.unmodifiableSet(new HashSet<>(codes))));
        this.sets = Collections.unmodifiableMap(copy);
        this.citation = citation;
        this.setCitations = Map.copyOf(setCitations);
    }

    /** A copy in which one set holds other codes, read from another source (e.g. a payer's ValueSet). */
    public CodeSets withSet(String setName, Collection<String> codes, Citation source) {
        Map<String, Set<String>> copy = new HashMap<>(sets);
        copy.put(setName, Set.copyOf(new LinkedHashSet<>(codes)));
        Map<String, Citation> citations = new HashMap<>(setCitations);
        citations.put(setName, source);
        return new CodeSets(copy, citation, citations);
    }

    /** Per set read from a ValueSet (or given its own source), that source. */
    public Map<String, Citation> setCitations() {
        return setCitations;
    }

    /** The source of one set: its ValueSet when it came from one, else the code-sets table. */
    public Citation citation(String setName) {
        return setCitations.getOrDefault(setName, citation);
    }

    public boolean contains(String setName, String code) {
        return code != null && codes(setName).contains(code);
    }

    /** The set's codes; an unknown set name is a programming error. */
    public Set<String> codes(String setName) {
        Set<String> codes = sets.get(setName);
        if (codes == null) {
            throw new IllegalArgumentException("No code set named " + setName);
        }
        return codes;
    }

    public boolean has(String setName) {
        return sets.containsKey(setName);
    }

    /** The only member of a set that must hold exactly one code (e.g. the 5+ limb primary). */
    public String single(String setName) {
        // Asked per claim by several rules: the member is remembered (an iterator over the set each time was not free).
        String single = singles.get(setName);
        if (single == null) {
            Set<String> codes = codes(setName);
            if (codes.size() != 1) {
                throw new IllegalStateException("Code set " + setName + " holds " + codes.size() + " codes, expected 1");
            }
            single = codes.iterator().next();
            singles.put(setName, single);
        }
        return single;
    }

    /** The only member of a one-date set (ISO {@code YYYY-MM-DD}), read once. */
    public LocalDate singleDate(String setName) {
        return dates.computeIfAbsent(setName, name -> LocalDate.parse(single(name)));
    }

    /** True when a member of the set is a prefix of the code (ICD-10-CM categories, dots removed). */
    public boolean containsPrefixOf(String setName, String code) {
        if (code == null) {
            return false;
        }
        // One hash look-up per length the set's members have (ICD-10-CM categories: 3 to 5), not a scan of the set.
        Set<String> prefixes = codes(setName);
        for (int length : prefixLengths.computeIfAbsent(setName, name -> prefixes.stream()
                .mapToInt(String::length).distinct().sorted().toArray())) {
            if (length <= code.length() && prefixes.contains(code.substring(0, length))) {
                return true;
            }
        }
        return false;
    }

    /** The names of the sets that start with the prefix (e.g. the treatment regions), sorted. */
    public List<String> namesStartingWith(String prefix) {
        // Asked per claim by a rule; the sets never change, so each prefix is listed once.
        return namesByPrefix.computeIfAbsent(prefix, p -> sets.keySet().stream().filter(name -> name.startsWith(p))
                .sorted().toList());
    }

    public Set<String> names() {
        return sets.keySet();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
