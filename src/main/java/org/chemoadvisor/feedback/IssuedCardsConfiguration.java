package org.chemoadvisor.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration(proxyBeanMethods = false)
class IssuedCardsConfiguration {

    /** One writer thread: batches of cards go to the store in the order they were issued. Closed on shutdown. */
    @Bean
    QueuedIssuedCards issuedCards(JdbcIssuedCards table, IssuedCardsProperties properties, MeterRegistry meters) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("issued-cards-writer-");
        threads.setDaemon(true);
        return new QueuedIssuedCards(table, Executors.newSingleThreadExecutor(threads), properties, meters);
    }
}
