package org.chemoadvisor.hostile;

/**
 * One request a hostile client might send.
 *
 * @param kind  how it was made ("truncated", "type-swap" ...), for the counts and failure messages
 */
public record HostileInput(String method, String path, String contentType, byte[] body, String kind) {

    @Override
    public String toString() {
        return kind + " " + method + " " + path + " (" + contentType + ", " + (body == null ? 0 : body.length) + " bytes)";
    }
}
