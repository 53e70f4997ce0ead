package org.chemoadvisor.bulk;

import ca.uhn.fhir.parser.IParser;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * One claim line of an export to its reviewed claim, or to the sentence that says why it was not reviewed: the
 * command ({@link PartReview}) and the Spark job ({@link PatientLinesReview}) report the same lines the same
 * way, each with its own place for the sentence (the command's {@code problems.csv} with the file and line, the
 * job's {@code problems/}). Plain Java, no Spring.
 */
final class ClaimLineReview {

    /** A reviewed claim, or, when the line was not reviewed, why not (exactly one of the two is set). */
    record Result(ReviewedClaim claim, String problem) {

        static Result reviewed(ReviewedClaim claim) {
            return new Result(claim, null);
        }

        static Result problem(String problem) {
            return new Result(null, problem);
        }
    }

    static final String NOT_A_RESOURCE = "not a FHIR R4 resource";

    private ClaimLineReview() {
    }

    /** A claim read without HAPI ({@link ExportClaimReader}), checked as facts. */
    static Result checkRead(ExportClaim claim, ExportClaimCheck check, SupportingResources supporting,
            OtherClaims otherClaims) {
        try {
            return Result.reviewed(ReviewedClaim.of(claim, check.check(claim, supporting, otherClaims)));
        } catch (ExportClaimCheck.NotCheckable e) {
            return Result.problem("could not be checked: " + e.getMessage());
        } catch (RuntimeException e) {
            return Result.problem(notCheckable(e));
        }
    }

    /**
     * A line as {@code Claim/$validate} reads it: parsed by HAPI, then checked by {@code review} (a Claim, or a
     * collection Bundle holding one, to the OperationOutcome {@code $validate} answers for it).
     */
    static Result checkWithHapi(String line, IParser parser, Function<Resource, OperationOutcome> review) {
        Resource resource;
        try {
            resource = (Resource) parser.parseResource(line);
        } catch (RuntimeException e) {
            return Result.problem(NOT_A_RESOURCE);
        }
        Claim claim = ClaimBundles.claimOf(resource);
        if (claim == null) {
            return Result.problem(resource.fhirType() + " is neither a Claim nor a collection Bundle with one Claim");
        }
        try {
            return Result.reviewed(ReviewedClaim.of(claim, review.apply(resource), parser));
        } catch (RuntimeException e) {
            return Result.problem(notCheckable(e));
        }
    }

    private static String notCheckable(RuntimeException e) {
        return "could not be checked: " + e.getClass().getSimpleName();
    }
}
