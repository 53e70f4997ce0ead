package org.chemoadvisor.cdshooks.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A suggested change: {@code create} or {@code update} carry the whole resource, {@code delete}
 * names it in {@code resourceId} (relative references, e.g. {@code ServiceRequest/abc}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String type, String description, ResourceJson resource, List<String> resourceId) {

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
}
