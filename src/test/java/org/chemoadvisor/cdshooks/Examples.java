package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The contract examples in {@code cds-hooks/}: {@code <name>.request.json} with {@code <name>.expected.json}. */
final class Examples {

    static final Path ROOT = Path.of("cds-hooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    record Example(String name, JsonNode request, JsonNode expected) {

        String service() {
            return expected.path("service").asText();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Example> all() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".request.json")).sorted()
                    .map(Examples::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Example named(String name) {
        return load(ROOT.resolve(name + ".request.json"));
    }

    static JsonNode read(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Example load(Path request) {
        String file = request.getFileName().toString();
        String base = file.substring(0, file.length() - ".request.json".length());
        Path expected = request.resolveSibling(base + ".expected.json");
        String name = ROOT.relativize(request.getParent()) + "/" + base;
        return new Example(name, read(request), read(expected));
    }
}
