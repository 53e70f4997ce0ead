package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String label, String url, Coding topic) {
}
