package org.chemoadvisor.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
class IssuedCardsConfiguration {

    /**
     * One writer thread: batches of cards go to the store in the order they were issued, and retries
     * wait on it without holding anything else. Closed on shutdown, before the datasource.
     */
    @Bean
    QueuedIssuedCards issuedCards(JdbcIssuedCards table, IssuedCardsProperties properties, MeterRegistry meters) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("issued-cards-writer-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
        // A retry waiting when the service stops is not waited for: close() makes the last attempt.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return new QueuedIssuedCards(table, QueuedIssuedCards.Writer.on(executor), properties, meters);
    }
}
