package org.chemoadvisor.rules;

/** How bad a finding is; renderers map it to OperationOutcome severity or card indicator. */
public enum Severity {
    ERROR,
    WARNING,
    INFORMATION
}
