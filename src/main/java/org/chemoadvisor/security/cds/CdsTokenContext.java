package org.chemoadvisor.security.cds;

import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/** What one token is checked against: the client it claims to come from, its keys and the audience expected. */
record CdsTokenContext(CdsClient client, JWSKeySelector<CdsTokenContext> keys, String expectedAudience)
        implements SecurityContext {
}
