package org.chemoadvisor.feedback;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store down and back on PostgreSQL ({@code CHEMO_TEST_POSTGRES_URL}, as for
 * {@link FeedbackRoundTripPostgresTest}; {@code .ci/run} sets it up). The service reaches the
 * database through a {@link CuttableProxy}; cutting it closes every connection and refuses new
 * ones, as a stopped or unreachable server would, without stopping a server other tests use.
 */
@EnabledIfEnvironmentVariable(named = FeedbackRoundTripPostgresTest.URL, matches = "jdbc:postgresql:.+")
class FeedbackStoreDownPostgresTest extends FeedbackStoreDownContract {

    private static CuttableProxy proxy;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getenv(FeedbackRoundTripPostgresTest.URL);
        // jdbc:postgresql://host[:port]/database?parameters
        URI server = URI.create(url.substring("jdbc:".length()));
        proxy = new CuttableProxy(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort());
        String viaProxy = "jdbc:postgresql://localhost:" + proxy.port() + server.getRawPath()
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
        registry.add("spring.datasource.url", () -> viaProxy);
    }

    @AfterAll
    static void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Override
    void stopDatabase() throws Exception {
        proxy.cut();
    }

    @Override
    void startDatabase() throws Exception {
        proxy.restore();
    }

    @Override
    Set<String> storedCards() throws SQLException {
        Set<String> cards = new HashSet<>();
        try (Connection direct = DriverManager.getConnection(System.getenv(FeedbackRoundTripPostgresTest.URL));
                Statement statement = direct.createStatement();
                ResultSet rows = statement.executeQuery("SELECT card_uuid FROM issued_card")) {
            while (rows.next()) {
                cards.add(rows.getString(1));
            }
        }
        return cards;
    }
}
