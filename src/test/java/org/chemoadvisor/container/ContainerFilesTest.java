package org.chemoadvisor.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The container as far as a machine without a container runtime can check it: the Dockerfile's
 * user, health check, entry point and the files it copies; the start and health scripts run for
 * real; the compose file wires the service to PostgreSQL and waits for it.
 */
class ContainerFilesTest {

    private static final Path DOCKERFILE = Path.of("Dockerfile");

    @Test
    void theImageRunsAsAnUnprivilegedUserWithAHealthCheckAndCopiesFilesThatExist() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);

        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("0").isNotEqualTo("root");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*container-health\\.sh")
                .containsPattern("(?m)^ENTRYPOINT \\[\"/app/container-start\\.sh\"]");
        Matcher copies = Pattern.compile("(?m)^COPY (?:--\\S+ )*(.+) /app/\\S*$").matcher(dockerfile);
        int sources = 0;
        while (copies.find()) {
            for (String source : copies.group(1).trim().split("\\s+")) {
                sources++;
                if (source.contains("*")) {
                    assertThat(source).isEqualTo("target/" + artifactId() + "-*.jar");
                } else {
                    assertThat(Path.of(source)).as(source).isRegularFile();
                }
            }
        }
        assertThat(sources).isEqualTo(4);
        assertThat(Files.readString(Path.of("scripts/jvm.options"))).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theStartScriptPassesTheJvmFlagsExtraOptionsTheJarAndTheArguments(@TempDir Path dir) throws Exception {
        Path fakeJava = dir.resolve("java");
        Files.writeString(fakeJava, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwx------"));

        Map<String, String> env = Map.of("JAVA_BIN", fakeJava.toString(), "JAVA_OPTS", "-Dexample=1 -Xss1m",
                "APP_JAR", "/app/app.jar");
        Process withEnv = command(env, "bash", "scripts/container-start.sh", "--server.port=9090");

        List<String> args = List.of(new String(withEnv.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .split("\n"));
        assertThat(withEnv.waitFor()).as("exit status").isZero();
        assertThat(args).containsExactly("@" + Path.of("scripts/jvm.options").toAbsolutePath().normalize(),
                "-Dexample=1", "-Xss1m", "-jar", "/app/app.jar", "--server.port=9090");
    }

    @Test
    void theHealthScriptSucceedsOnlyWhenTheReadinessProbeAnswers200() throws Exception {
        HttpServer ready = server(200);
        HttpServer notReady = server(503);
        try {
            assertThat(health(ready.getAddress().getPort())).isZero();
            assertThat(health(notReady.getAddress().getPort())).isNotZero();
        } finally {
            ready.stop(0);
            notReady.stop(0);
        }
        assertThat(health(freePort())).as("nothing listening").isNotZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsTheServiceOnPostgresOnceItIsHealthyWithSecurityLeftOn() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> advisor = (Map<String, Object>) services.get("advisor");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> environment = (Map<String, Object>) advisor.get("environment");

        assertThat(postgres).containsKey("healthcheck");
        assertThat(((Map<String, Map<String, String>>) advisor.get("depends_on")).get("postgres"))
                .containsEntry("condition", "service_healthy");
        assertThat((String) environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment.keySet()).noneMatch(key -> key.startsWith("CDS_SECURITY_ENABLED"));
        assertThat(advisor).containsEntry("build", ".");
    }

    private static int health(int port) throws Exception {
        Process check = command(Map.of("HEALTH_PORT", Integer.toString(port)), "bash", "scripts/container-health.sh");
        return check.waitFor();
    }

    private static Process command(Map<String, String> env, String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static HttpServer server(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String artifactId() throws IOException {
        Matcher id = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(id.find()).isTrue();
        return id.group(1);
    }
}
