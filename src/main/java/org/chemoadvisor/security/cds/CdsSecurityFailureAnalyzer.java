package org.chemoadvisor.security.cds;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a bad cds.security setting: print which one and why, not a bean-creation stack. */
class CdsSecurityFailureAnalyzer extends AbstractFailureAnalyzer<CdsSecurityConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CdsSecurityConfigurationException cause) {
        return new FailureAnalysis("The CDS client security settings cannot be used: " + cause.getMessage(),
                "Correct the cds.security setting named above (see the README's Security section).", cause);
    }
}
