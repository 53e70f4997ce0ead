package org.chemoadvisor.spark;

import org.chemoadvisor.bulk.ReviewedClaim;

/** What reviewing one claim line gives: the claim reviewed, or why the line (of any file) was not. */
record ReviewedLine(ReviewedClaim claim, String problem) {

    static ReviewedLine of(ReviewedClaim claim) {
        return new ReviewedLine(claim, null);
    }

    static ReviewedLine problem(String problem) {
        return new ReviewedLine(null, problem);
    }
}
