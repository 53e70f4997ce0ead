package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A FHIR Coding as CDS Hooks carries it in JSON (card topic, override reasons). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coding(String system, String code, String display) {
}
