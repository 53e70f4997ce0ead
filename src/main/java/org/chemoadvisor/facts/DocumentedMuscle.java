package org.chemoadvisor.facts;

import java.time.LocalDate;

/**
 * A muscle documented as injected (from Procedure.bodySite or ServiceRequest.bodySite).
 *
 * @param muscleId  a stable identity for counting distinct muscles (a SNOMED CT code or a
 *                  normalized name), never null
 * @param name      human-readable name
 * @param region    where the muscle is, or null when it cannot be placed
 * @param path      FHIRPath of the element it came from
 * @param date      the day it was injected (or is planned), or null when the source gives none;
 *                  the engine counts a muscle only with the lines of its own date of service
 */
public record DocumentedMuscle(String muscleId, String name, Region region, String path, LocalDate date) {

    /** A muscle whose source gives no date. */
    public DocumentedMuscle(String muscleId, String name, Region region, String path) {
        this(muscleId, name, region, path, null);
    }

    public DocumentedMuscle withDate(LocalDate day) {
        return new DocumentedMuscle(muscleId, name, region, path, day);
    }
}
