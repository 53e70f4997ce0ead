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
     * wait on it without holding anything else. Stopped by the queue's close on shutdown, before the
     * datasource. A bean of its own so that a test can hold the writer's tasks and run them itself.
     */
    @Bean
    QueuedIssuedCards.Writer issuedCardsWriter() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("issued-cards-writer-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
        // A retry waiting when the service stops is not waited for: close() makes the last attempt.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return QueuedIssuedCards.Writer.on(executor);
    }

    @Bean
    QueuedIssuedCards issuedCards(JdbcIssuedCards table, QueuedIssuedCards.Writer writer,
            IssuedCardsProperties properties, MeterRegistry meters) {
        return new QueuedIssuedCards(table, writer, properties, meters);
    }
}
