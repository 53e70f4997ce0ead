package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A suggested change: {@code create} or {@code update} carry the whole resource, {@code delete}
 * names it in {@code resourceId} (a relative reference, e.g. {@code ServiceRequest/abc}; see {@link ResourceId}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String type, String description, ResourceJson resource, ResourceId resourceId) {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
}
