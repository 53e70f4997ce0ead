package org.chemoadvisor.facts;

/**
 * A muscle documented as injected (from Procedure.bodySite or ServiceRequest.bodySite).
 *
 * @param muscleId  a stable identity for counting distinct muscles (a SNOMED CT code or a
 *                  normalized name), never null
 * @param name      human-readable name
 * @param region    where the muscle is, or null when it cannot be placed
 * @param path      FHIRPath of the element it came from
 */
public record DocumentedMuscle(String muscleId, String name, Region region, String path) {
}
