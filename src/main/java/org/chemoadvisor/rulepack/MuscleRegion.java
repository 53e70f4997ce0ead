package org.chemoadvisor.rulepack;

/** The region a muscle table entry places a muscle in, before laterality is known. */
public enum MuscleRegion {
    UPPER_LIMB,
    LOWER_LIMB,
    TRUNK,
    NECK;

    /** Parses the table's spelling: "upper-limb", "lower-limb", "trunk", "neck". */
    public static MuscleRegion parse(String text) {
        for (MuscleRegion region : values()) {
            if (region.name().replace('_', '-').equalsIgnoreCase(text.trim())) {
                return region;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a region (upper-limb, lower-limb, trunk, neck)");
    }
}
