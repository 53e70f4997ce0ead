package org.chemoadvisor.facts;

/**
 * Where a service line came from, as FHIRPath expressions into the source resource, so that
 * renderers can point at the exact element (e.g. {@code Claim.item[1].modifier[0]}).
 *
 * @param resource   the source resource reference ({@code ServiceRequest/abc}), or null when the
 *                   line lives inside the resource being validated (a Claim item)
 * @param line       the line element itself, e.g. {@code Claim.item[1]}
 * @param code       the element holding the CPT/HCPCS code
 * @param units      the element holding the quantity
 * @param modifiers  the repeating element holding modifiers; {@link #modifier(int)} indexes it
 */
public record SourcePaths(String resource, String line, String code, String units, String modifiers) {

    public String modifier(int index) {
        return modifiers + "[" + index + "]";
    }

    /** Paths of a Claim item at the given zero-based position. */
    public static SourcePaths claimItem(int index) {
        String item = "Claim.item[" + index + "]";
        return new SourcePaths(null, item, item + ".productOrService", item + ".quantity", item + ".modifier");
    }
}
