package org.chemoadvisor.cdshooks;

import java.util.List;
import java.util.Set;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a call gave the service to work on.
 *
 * @param lines        the orders or documented Procedures as service lines
 * @param conditions   Conditions (empty when none or unavailable)
 * @param coverages    Coverages (empty when none or unavailable)
 * @param history      the patient's earlier chemodenervation Procedures (empty when none or unavailable)
 * @param unavailable  prefetch keys that could be got neither from prefetch nor from fhirServer
 * @param selections   for order-select, the selected orders' references; empty otherwise
 */
record HookData(AdaptedLines lines, List<Resource> conditions, List<Resource> coverages, List<Resource> history,
        List<String> unavailable,
        Set<String> selections) {
}
