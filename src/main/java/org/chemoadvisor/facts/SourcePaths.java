package org.chemoadvisor.facts;

import java.util.stream.IntStream;

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
 * @param kind       what the line is: a claim line, an order, or a documented procedure; advice
 *                   words itself by it ("ordered" on an order, "billed" on a claim)
 */
public record SourcePaths(String resource, String line, String code, String units, String modifiers, Kind kind) {

    /** What kind of source a line was read from. */
    public enum Kind { CLAIM_ITEM, ORDER, PROCEDURE }

    /** The first items' paths, made once: a bulk review asks for them for every line of every claim. */
    private static final SourcePaths[] CLAIM_ITEMS = IntStream.range(0, 64)
            .mapToObj(SourcePaths::newClaimItem).toArray(SourcePaths[]::new);

    public SourcePaths {
        kind = kind == null ? Kind.CLAIM_ITEM : kind;
    }

    /** Paths of a claim line. */
    public SourcePaths(String resource, String line, String code, String units, String modifiers) {
        this(resource, line, code, units, modifiers, Kind.CLAIM_ITEM);
    }

    public String modifier(int index) {
        return modifiers + "[" + index + "]";
    }

    /** Paths of a Claim item at the given zero-based position. */
    public static SourcePaths claimItem(int index) {
        return index < CLAIM_ITEMS.length ? CLAIM_ITEMS[index] : newClaimItem(index);
    }

    private static SourcePaths newClaimItem(int index) {
        String item = "Claim.item[" + index + "]";
        return new SourcePaths(null, item, item + ".productOrService", item + ".quantity", item + ".modifier");
    }
}
