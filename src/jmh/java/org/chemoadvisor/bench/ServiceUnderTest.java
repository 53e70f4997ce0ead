package org.chemoadvisor.bench;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chemoadvisor.ChemoAdvisorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as it runs, started once per benchmark fork (port 0, its own H2 file under a temp
 * directory, log to a file so the JMH output stays readable), and the example inputs.
 */
final class ServiceUnderTest {

    static final String ORDER_SIGN_SERVICE = "chemodenervation-order-sign";
    static final String ORDER_SIGN_REQUEST = "cds-hooks/order-sign/06-recode-64642-with-64645.request.json";
    static final String CLAIM = "fhir-resources/examples/claim-clean-64644-64645-95874.json";

    private static ServiceUnderTest instance;

    final ConfigurableApplicationContext context;
    final String orderSignJson;
    final String claimJson;

    private ServiceUnderTest(ConfigurableApplicationContext context, String orderSignJson, String claimJson) {
        this.context = context;
        this.orderSignJson = orderSignJson;
        this.claimJson = claimJson;
    }

    static synchronized ServiceUnderTest get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /**
     * Closes the service (and so its non-daemon threads), or JMH waits 30 s for the fork to exit
     * after every benchmark. Queued issued cards are written first, as on any clean stop.
     */
    static synchronized void stop() {
        if (instance != null) {
            instance.context.close();
            instance = null;
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ObjectMapper objectMapper() {
        return bean(ObjectMapper.class);
    }

    FhirContext fhirContext() {
        return bean(FhirContext.class);
    }

    private static ServiceUnderTest start() {
        try {
            Path dir = Files.createTempDirectory("chemo-bench");
            // Command-line arguments, not builder properties: those are defaults, which application.yml
            // overrides (the service would bind port 8080 and write to ./data).
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ChemoAdvisorApplication.class)
                    .run("--server.port=0",
                            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("feedback")
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                            "--logging.file.name=" + dir.resolve("service.log"),
                            "--logging.threshold.console=off");
            return new ServiceUnderTest(context, read(ORDER_SIGN_REQUEST), read(CLAIM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inputs come from the project's example files; run from the project directory (or set chemo.project.dir). */
    private static String read(String relative) throws IOException {
        Path base = Path.of(System.getProperty("chemo.project.dir", "."));
        return Files.readString(base.resolve(relative));
    }
}
