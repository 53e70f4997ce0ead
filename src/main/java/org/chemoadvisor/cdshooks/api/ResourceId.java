package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The resource a {@code delete} action removes, as a relative reference ({@code ServiceRequest/abc}). CDS Hooks 2.0
 * types {@code resourceId} as a string in its Action table (as the published TypeScript, .NET and Rust client
 * models do), while some of its examples show an array: a string is sent unless
 * {@code cds.cards.delete-resource-id-as-array} asks for the one-element array.
 */
public record ResourceId(String reference, boolean asArray) {

    public ResourceId {
        Objects.requireNonNull(reference, "reference");
    }

    @JsonValue
    Object json() {
        return asArray ? List.of(reference) : reference;
    }
}
