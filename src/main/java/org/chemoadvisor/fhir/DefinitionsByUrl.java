package org.chemoadvisor.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

/** Conformance resources by canonical URL (without a version). */
interface DefinitionsByUrl {

    /** The resource, or null when there is none with that URL. */
    IBaseResource get(String url);
}
