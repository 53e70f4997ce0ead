package org.chemoadvisor.cdshooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.FactsAssembler;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.chemoadvisor.cdshooks.adapt.ProcedureLines;
import org.chemoadvisor.cdshooks.api.Card;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsResponse;
import org.chemoadvisor.cdshooks.api.CdsServiceDefinition;
import org.chemoadvisor.cdshooks.cards.AnswerCards;
import org.chemoadvisor.cdshooks.cards.CardRenderer;
import org.chemoadvisor.cdshooks.data.FallbackDeadline;
import org.chemoadvisor.facts.CodingFacts;
import org.chemoadvisor.feedback.IssuedCard;
import org.chemoadvisor.feedback.IssuedCards;
import org.chemoadvisor.policy.PayerRulePacks;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One service call: validate and check the request against {@code cds.limits.*}, read the data, run
 * the rules, render the cards within {@code cds.cards.*} bounds and record them.
 */
@Service
public class CdsHooksService {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksService.class);
    private static final Pattern HOOK_INSTANCE = Pattern.compile("[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");

    private final CdsServiceCatalog catalog;
    private final HookDataReader reader;
    private final FactsAssembler facts;
    private final RuleEngine engine;
    private final PayerRulePacks packs;
    private final CardRenderer renderer;
    private final AnswerCards answerCards;
    private final IssuedCards issuedCards;
    private final RequestLimits limits;
    private final Clock clock;
    private final AdviceMetrics metrics;

    public CdsHooksService(CdsServiceCatalog catalog, HookDataReader reader, FactsAssembler facts, RuleEngine engine,
            PayerRulePacks packs, CardRenderer renderer, AnswerCards answerCards, IssuedCards issuedCards,
            CdsRequestProperties properties, AdviceMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.reader = reader;
        this.facts = facts;
        this.engine = engine;
        this.packs = packs;
        this.renderer = renderer;
        this.answerCards = answerCards;
        this.issuedCards = issuedCards;
        this.limits = new RequestLimits(properties.limits());
        this.clock = Clock.systemUTC();
    }

    public CdsResponse call(String serviceId, CdsRequest request) {
        CdsServiceDefinition service = catalog.find(serviceId)
                .orElseThrow(() -> CdsHooksException.unknownService(serviceId));
        Hook hook = RequestValidator.validate(service, request);
        limits.check(hook, service, request);
        long started = System.nanoTime();
        // One deadline for every read of fhirServer this call makes (cds.prefetch.deadline).
        FallbackDeadline deadline = reader.startDeadline();
        AdaptedLines lines = reader.lines(hook, service, request, deadline);
        if (!facts.concernsChemodenervation(lines)) {
            return CdsResponse.empty();
        }
        HookData data = reader.supportingData(hook, service, request, lines, deadline);
        CodingFacts codingFacts = facts.facts(lines, data.conditions(), data.coverages())
                .withRecord(ProcedureLines.record(data.history(), lines));
        List<Finding> findings = engine.evaluate(codingFacts,
                packs.forPayers(FactsAssembler.payerKeys(data.coverages())));
        if (hook == Hook.ORDER_SELECT) {
            findings = SelectionFocus.focus(findings, lines, data.selections());
        }
        // Without history only the re-injection and global-period checks lose sight: logged, no card.
        List<String> missing = data.unavailable().stream().filter(key -> !HookDataReader.HISTORY.equals(key)).toList();
        List<Card> notices = missing.isEmpty() ? List.of()
                : List.of(DataNotice.card(renderer, missing, codingFacts.profile()));
        AnswerCards.Answer answer = answerCards.cards(findings, lines, notices);
        List<IssuedCard> issued = new ArrayList<>(answer.findings().size());
        List<String> ruleIds = new ArrayList<>(answer.findings().size());
        Instant now = clock.instant();
        for (AnswerCards.Shown shown : answer.findings()) {
            issued.add(new IssuedCard(shown.card().uuid(), shown.ruleId(), serviceId, now));
            ruleIds.add(shown.ruleId());
        }
        record(issued);
        metrics.findings("cds-hooks", findings);
        metrics.cardsIssued(ruleIds);
        if (log.isInfoEnabled()) {
            // withoutData is for the operator: the fix (prefetch, or cds.prefetch.allowed-fhir-servers) is theirs.
            log.info("service={} hookInstance={} rules={} findings={} notShown={} profile={} withoutData={} tookMs={}",
                    serviceId, loggable(request.hookInstance()), ruleIds, findings.size(), answer.notShown(),
                    codingFacts.profile().id(), data.unavailable(), (System.nanoTime() - started) / 1_000_000);
        }
        return new CdsResponse(answer.cards());
    }

    /**
     * hookInstance should be a UUID, but it is whatever the caller sent: anything else (free text,
     * line breaks, perhaps patient data) stays out of the log.
     */
    static String loggable(String hookInstance) {
        return HOOK_INSTANCE.matcher(hookInstance).matches() ? hookInstance : "(not a UUID)";
    }

    private void record(List<IssuedCard> issued) {
        if (issued.isEmpty()) {
            return;
        }
        try {
            issuedCards.record(issued);
        } catch (RuntimeException e) {
            // Advice matters more than its bookkeeping: the cards still go out. (record only queues them.)
            log.warn("Recording {} issued cards failed: {}", issued.size(), e.getClass().getSimpleName());
        }
    }
}
