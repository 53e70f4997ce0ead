package org.chemoadvisor.cdshooks;

import java.util.Arrays;
import java.util.Optional;

/** The hooks this service answers, and what each needs from the request context. */
public enum Hook {
    ORDER_SELECT("order-select", true),
    ORDER_SIGN("order-sign", true),
    ENCOUNTER_DISCHARGE("encounter-discharge", false);

    private final String id;
    private final boolean orders;

    Hook(String id, boolean orders) {
        this.id = id;
        this.orders = orders;
    }

    public String id() {
        return id;
    }

    /** True when the hook carries draft orders; false when it reviews documented Procedures. */
    public boolean reviewsOrders() {
        return orders;
    }

    public static Optional<Hook> fromId(String id) {
        return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
    }
}
