package org.chemoadvisor.facts;

/** Body regions that chemodenervation codes distinguish. Limbs carry laterality. */
public enum Region {
    LEFT_UPPER_LIMB(true),
    RIGHT_UPPER_LIMB(true),
    LEFT_LOWER_LIMB(true),
    RIGHT_LOWER_LIMB(true),
    /** An upper or lower limb whose side is not known. */
    UNSPECIFIED_LIMB(true),
    TRUNK(false),
    NECK(false);

    private final boolean limb;

    Region(boolean limb) {
        this.limb = limb;
    }

    public boolean isLimb() {
        return limb;
    }
}
