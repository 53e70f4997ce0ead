package org.chemoadvisor.rulepack;

import java.util.List;
import java.util.Optional;
import org.chemoadvisor.rules.Citation;

/** The chemodenervation sites and the diagnosis sets that support each (diagnosis-sites.csv). */
public final class DiagnosisSites implements Versioned {

    public static final DiagnosisSites EMPTY = new DiagnosisSites(List.of(), new Citation("Diagnosis sites", "none", null));

    private final List<DiagnosisSite> sites;
    private final Citation citation;

    public DiagnosisSites(List<DiagnosisSite> sites, Citation citation) {
        this.sites = List.copyOf(sites);
        this.citation = citation;
    }

    public List<DiagnosisSite> all() {
        return sites;
    }

    /** The site whose procedure set holds the code (the first, in table order). */
    public Optional<DiagnosisSite> siteOf(String procedureCode, CodeSets sets) {
        for (DiagnosisSite site : sites) {
            if (sets.contains(site.procedures(), procedureCode)) {
                return Optional.of(site);
            }
        }
        return Optional.empty();
    }

    @Override
    public Citation citation() {
        return citation;
    }
}
