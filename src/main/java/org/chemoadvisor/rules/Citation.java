package org.chemoadvisor.rules;

/**
 * The authority a finding rests on: a table (or policy) and its version.
 *
 * @param table    e.g. "CMS NCCI add-on code edits"
 * @param version  e.g. "2024-06-03"
 * @param url      where a reader can look it up, or null
 */
public record Citation(String table, String version, String url) {

    @Override
    public String toString() {
        return version == null || version.isBlank() ? table : table + " (" + version + ")";
    }
}
