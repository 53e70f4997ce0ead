package org.chemoadvisor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What reviewing one input line gives: the claim's outcome and findings, or why the line was not a claim. */
final class ReviewedClaim implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One finding, as a findings row (the same columns as the bulk command's findings.csv). */
    record Finding(String claimId, String dateOfService, String month, String ruleId, String severity,
            String element, String findingAndFix, String tableAndVersion) implements Serializable {
    }

    String claimId;
    String month;
    String outcome;
    boolean error;
    String problem;
    final List<Finding> findings = new ArrayList<>();

    static ReviewedClaim problem(String problem) {
        ReviewedClaim reviewed = new ReviewedClaim();
        reviewed.problem = problem;
        return reviewed;
    }
}
