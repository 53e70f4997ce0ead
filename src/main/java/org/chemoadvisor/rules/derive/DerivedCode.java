package org.chemoadvisor.rules.derive;

/** A code and its units as the documentation supports them. */
public record DerivedCode(String code, int units) {
}
