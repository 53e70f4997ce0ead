package org.chemoadvisor.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's real example inputs: CDS Hooks requests and FHIR Claims. */
public final class Examples {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CDS Hooks example request and the service id it is sent to. */
    public record HookRequest(String name, String service, JsonNode request) {
    }

    private Examples() {
    }

    public static List<HookRequest> hookRequests() {
        return files(Path.of("cds-hooks"), ".request.json").stream().map(file -> {
            String name = file.getFileName().toString().replace(".request.json", "");
            JsonNode expected = read(file.resolveSibling(name + ".expected.json"));
            return new HookRequest(file.getParent().getFileName() + "/" + name, expected.path("service").asText(),
                    read(file));
        }).toList();
    }

    public static List<JsonNode> claims() {
        return files(Path.of("fhir-resources", "examples"), ".json").stream().map(Examples::read)
                .filter(node -> "Claim".equals(node.path("resourceType").asText())).toList();
    }

    public static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
