package org.chemoadvisor.rules;

/** The published CodeSystem of rule IDs (fhir-resources/CodeSystem-coding-rules.json). */
public final class RuleIds {

    /** Canonical URL of the CodeSystem whose codes are the rule IDs (CHEMO-01 ...). */
    public static final String SYSTEM = "http://chemoadvisor.org/fhir/CodeSystem/coding-rules";

    private RuleIds() {
    }
}
