package org.chemoadvisor.bulk.generate;

/**
 * What a generated patient is treated for, which decides the chemodenervation codes of their visits:
 * the shares follow a movement-disorders clinic (spasticity first, then cervical dystonia, chronic
 * migraine, blepharospasm and hemifacial spasm, truncal dystonia).
 */
enum Indication {
    LIMB_SPASTICITY(55),
    CERVICAL_DYSTONIA(18),
    CHRONIC_MIGRAINE(14),
    FACIAL_SPASM(8),
    TRUNCAL_DYSTONIA(5);

    final int share;

    Indication(int share) {
        this.share = share;
    }

    static Indication pick(java.util.Random random) {
        int roll = random.nextInt(100);
        for (Indication indication : values()) {
            roll -= indication.share;
            if (roll < 0) {
                return indication;
            }
        }
        return LIMB_SPASTICITY;
    }
}
