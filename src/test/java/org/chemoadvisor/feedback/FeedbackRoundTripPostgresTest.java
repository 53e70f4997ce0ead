package org.chemoadvisor.feedback;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The round trip on PostgreSQL, run when {@code CHEMO_TEST_POSTGRES_URL} names a database the
 * tests may empty (e.g. {@code jdbc:postgresql://localhost:5432/chemo_test?user=chemo&password=chemo});
 * {@code .ci/run} sets it up. The Flyway migrations run on it as they do in production.
 */
@EnabledIfEnvironmentVariable(named = FeedbackRoundTripPostgresTest.URL, matches = "jdbc:postgresql:.+")
class FeedbackRoundTripPostgresTest extends FeedbackRoundTripContract {

    static final String URL = "CHEMO_TEST_POSTGRES_URL";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getenv(URL));
    }
}
