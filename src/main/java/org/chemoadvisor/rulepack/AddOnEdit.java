package org.chemoadvisor.rulepack;

/** One NCCI add-on code edit row: an add-on, one acceptable primary, and the edit type (1, 2, 3). */
public record AddOnEdit(String addOnCode, String primaryCode, int editType, EffectivePeriod period) {
}
