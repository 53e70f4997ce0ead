package org.chemoadvisor.feedback;

import java.time.Instant;
import java.util.List;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** Receives CDS Hooks feedback and answers the per-rule report. */
@Service
public class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

    private final CdsServiceIds services;
    private final FeedbackStore store;
    private final FeedbackReportQuery reports;
    private final IssuedCards issuedCards;
    private final AdviceMetrics metrics;

    public FeedbackService(CdsServiceIds services, FeedbackStore store, FeedbackReportQuery reports,
            IssuedCards issuedCards) {
        this(services, store, reports, issuedCards, AdviceMetrics.none());
    }

    @Autowired
    public FeedbackService(CdsServiceIds services, FeedbackStore store, FeedbackReportQuery reports,
            IssuedCards issuedCards, AdviceMetrics metrics) {
        this.metrics = metrics;
        this.services = services;
        this.store = store;
        this.reports = reports;
        this.issuedCards = issuedCards;
    }

    public void receive(String serviceId, FeedbackRequest request) {
        if (!services.exists(serviceId)) {
            throw new UnknownServiceException(serviceId);
        }
        List<ReceivedFeedback> entries = FeedbackValidator.validate(serviceId, request);
        store.save(entries);
        metrics.feedback("accepted", entries.stream().filter(e -> e.outcome() == Outcome.ACCEPTED).count());
        metrics.feedback("overridden", entries.stream().filter(e -> e.outcome() == Outcome.OVERRIDDEN).count());
        // Counts and outcomes only: the user comment may hold patient data.
        log.info("service={} feedback entries={} accepted={} overridden={}", serviceId, entries.size(),
                entries.stream().filter(e -> e.outcome() == Outcome.ACCEPTED).count(),
                entries.stream().filter(e -> e.outcome() == Outcome.OVERRIDDEN).count());
    }

    public FeedbackReport report(Instant since) {
        // Cards are recorded in the background: the ones still queued count too. With the store
        // down this throws (503) and the cards stay queued for the writer.
        issuedCards.flush();
        return reports.report(since);
    }
}
