package org.chemoadvisor.rulepack;

import org.chemoadvisor.rules.Citation;

/** A loaded table that knows which published table and version it holds. */
public interface Versioned {

    Citation citation();
}
