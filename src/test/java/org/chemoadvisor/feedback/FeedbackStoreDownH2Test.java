package org.chemoadvisor.feedback;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store down and back on a database server run by the test: an in-memory H2 database served
 * over TCP. Stopping the server closes every session and refuses new connections; it is started
 * again on the same port. Runs anywhere, no root or installed database needed.
 */
class FeedbackStoreDownH2Test extends FeedbackStoreDownContract {

    private static final String DATABASE = "feedback-store-down";
    private static final String SETTINGS =
            ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static int serverPort;
    private static Server server;
    /** In-process connection: keeps the in-memory database while its server is stopped, and reads it. */
    private static Connection sideDoor;

    @DynamicPropertySource
    static void databaseServer(DynamicPropertyRegistry registry) throws Exception {
        sideDoor = DriverManager.getConnection("jdbc:h2:mem:" + DATABASE + SETTINGS);
        try (ServerSocket free = new ServerSocket(0)) {
            serverPort = free.getLocalPort();
        }
        startServer();
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:tcp://localhost:" + serverPort + "/mem:" + DATABASE + SETTINGS);
    }

    @AfterAll
    static void stopServer() throws SQLException {
        if (server != null) {
            server.stop();
        }
        if (sideDoor != null) {
            sideDoor.close();
        }
    }

    @Override
    void stopDatabase() {
        server.stop();
    }

    @Override
    void startDatabase() throws SQLException {
        startServer();
    }

    @Override
    Set<String> storedCards() throws SQLException {
        Set<String> cards = new HashSet<>();
        try (Statement statement = sideDoor.createStatement();
                ResultSet rows = statement.executeQuery("SELECT card_uuid FROM issued_card")) {
            while (rows.next()) {
                cards.add(rows.getString(1));
            }
        }
        return cards;
    }

    private static void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", Integer.toString(serverPort), "-tcpDaemon").start();
    }
}
