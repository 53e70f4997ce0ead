package org.chemoadvisor.rulepack;

import java.util.Objects;

/**
 * What a chemodenervation site needs from the diagnoses: the procedure codes of the site (a code
 * set) and the diagnosis sets that support them.
 *
 * @param id          stable name (limbs-and-trunk, neck, face, migraine)
 * @param label       how findings name the site
 * @param procedures  code set of the site's procedure codes
 * @param supporting  code set of ICD-10-CM prefixes that support the site alone
 * @param withSpasm   code set of prefixes that support it only with a {@code spasm} diagnosis, or null
 * @param spasm       code set of the muscle spasm diagnoses {@code withSpasm} needs, or null
 * @param source      what the split rests on
 */
public record DiagnosisSite(String id, String label, String procedures, String supporting, String withSpasm,
        String spasm, String source) {

    public DiagnosisSite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(procedures, "procedures");
        Objects.requireNonNull(supporting, "supporting");
        if ((withSpasm == null) != (spasm == null)) {
            throw new IllegalArgumentException("site " + id + ": with_spasm and spasm go together");
        }
    }
}
