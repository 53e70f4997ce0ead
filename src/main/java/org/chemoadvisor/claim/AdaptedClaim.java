package org.chemoadvisor.claim;

import java.util.List;
import org.chemoadvisor.facts.CodingFacts;

/**
 * A Claim read into coding facts, with what the reading noticed but the rules cannot see
 * (e.g. an item in a code system that is neither CPT nor HCPCS).
 */
public record AdaptedClaim(CodingFacts facts, List<AdapterNote> notes) {

    public AdaptedClaim {
        notes = List.copyOf(notes);
    }

    /** Something the adapter reports as information; {@code expression} is a FHIRPath into the Claim. */
    public record AdapterNote(String message, String expression) {
    }
}
