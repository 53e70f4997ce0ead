package org.chemoadvisor.facts;

/**
 * A diagnosis on the claim or encounter.
 *
 * @param code    ICD-10-CM code as written (with or without the dot)
 * @param system  code system URI
 * @param path    FHIRPath of the element it came from
 */
public record Diagnosis(String code, String system, String path) {

    /** The code without its dot, upper case, for prefix matching against value sets. */
    public String normalizedCode() {
        return code == null ? "" : code.replace(".", "").trim().toUpperCase(java.util.Locale.ROOT);
    }
}
