package org.chemoadvisor.security.cds;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated CDS client: its issuer, and its {@code sub} (the client id). */
public final class CdsClientAuthentication extends AbstractAuthenticationToken {

    private final String issuer;
    private final String subject;

    CdsClientAuthentication(String issuer, String subject) {
        super(List.of());
        this.issuer = issuer;
        this.subject = subject;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return issuer;
    }

    public String subject() {
        return subject;
    }
}
