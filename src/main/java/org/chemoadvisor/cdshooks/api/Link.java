package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String label, String url, String type, String appContext) {

    public static Link absolute(String label, String url) {
        return new Link(label, url, "absolute", null);
    }
}
