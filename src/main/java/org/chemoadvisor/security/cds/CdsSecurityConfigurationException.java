package org.chemoadvisor.security.cds;

/** A {@code cds.security.*} setting that cannot be used; start-up stops with its message. */
public class CdsSecurityConfigurationException extends RuntimeException {

    public CdsSecurityConfigurationException(String message) {
        super(message);
    }
}
