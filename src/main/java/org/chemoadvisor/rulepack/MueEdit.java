package org.chemoadvisor.rulepack;

/**
 * A medically unlikely edit: the most units of a code per line (indicator 1) or per day
 * (2: absolute policy, 3: clinical).
 */
public record MueEdit(String code, int maxUnits, int adjudicationIndicator, String rationale) {
}
