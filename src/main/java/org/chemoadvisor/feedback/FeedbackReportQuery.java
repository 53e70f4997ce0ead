package org.chemoadvisor.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chemoadvisor.cdshooks.cards.OverrideReasons;
import org.chemoadvisor.feedback.FeedbackReport.ReasonCount;
import org.chemoadvisor.feedback.FeedbackReport.RuleSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Builds the per-rule feedback report from the store, in portable SQL. */
@Repository
public class FeedbackReportQuery {

    static final int TOP_REASONS = 5;

    /** Feedback joined to the card it concerns; a card never recorded falls under rule "unknown". */
    private static final String FEEDBACK_BY_RULE = " FROM card_feedback f LEFT JOIN issued_card c"
            + " ON c.card_uuid = f.card_uuid WHERE f.outcome_timestamp >= :from";
    private static final String RULE = "COALESCE(c.rule_id, '" + FeedbackReport.UNKNOWN_RULE + "')";

    private static final Comparator<String> RULES_THEN_UNKNOWN = Comparator
            .comparing((String rule) -> rule.equals(FeedbackReport.UNKNOWN_RULE))
            .thenComparing(Comparator.naturalOrder());
    private static final Comparator<ReasonCount> MOST_FREQUENT_FIRST = Comparator
            .comparingLong(ReasonCount::count).reversed()
            .thenComparing(ReasonCount::code)
            .thenComparing(r -> r.system() == null ? "" : r.system());

    private final JdbcClient jdbc;

    public FeedbackReportQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FeedbackReport report(Instant since) {
        OffsetDateTime from = OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC);
        Map<String, Tally> tallies = new TreeMap<>(RULES_THEN_UNKNOWN);
        for (RuleCount issued : issued(from)) {
            tallies.computeIfAbsent(issued.rule(), r -> new Tally()).issued = issued.count();
        }
        for (RuleCount outcome : outcomes(from)) {
            tallies.computeIfAbsent(outcome.rule(), r -> new Tally()).add(outcome);
        }
        for (RuleReason reason : overrideReasons(from)) {
            tallies.computeIfAbsent(reason.rule(), r -> new Tally()).reasons.add(reason.reason());
        }
        List<RuleSummary> rules = new ArrayList<>();
        tallies.forEach((rule, tally) -> rules.add(tally.summary(rule)));
        return new FeedbackReport(since, rules);
    }

    private List<RuleCount> issued(OffsetDateTime from) {
        return jdbc.sql("SELECT rule_id, COUNT(*) AS n FROM issued_card WHERE issued_at >= :from GROUP BY rule_id")
                .param("from", from)
                .query((rs, row) -> new RuleCount(rs.getString("rule_id"), null, rs.getLong("n")))
                .list();
    }

    private List<RuleCount> outcomes(OffsetDateTime from) {
        return jdbc.sql("SELECT " + RULE + " AS rule_id, f.outcome, COUNT(DISTINCT f.card_uuid) AS n"
                        + FEEDBACK_BY_RULE + " GROUP BY " + RULE + ", f.outcome")
                .param("from", from)
                .query((rs, row) -> new RuleCount(rs.getString("rule_id"), rs.getString("outcome"), rs.getLong("n")))
                .list();
    }

    private List<RuleReason> overrideReasons(OffsetDateTime from) {
        return jdbc.sql("SELECT " + RULE + " AS rule_id, f.override_reason_system AS reason_system,"
                        + " f.override_reason_code AS reason_code, MAX(f.override_reason_display) AS reason_display,"
                        + " COUNT(DISTINCT f.card_uuid) AS n" + FEEDBACK_BY_RULE
                        + " AND f.outcome = 'overridden' AND f.override_reason_code IS NOT NULL"
                        + " GROUP BY " + RULE + ", f.override_reason_system, f.override_reason_code")
                .param("from", from)
                .query((rs, row) -> new RuleReason(rs.getString("rule_id"), reason(rs.getString("reason_system"),
                        rs.getString("reason_code"), rs.getString("reason_display"), rs.getLong("n"))))
                .list();
    }

    private static ReasonCount reason(String system, String code, String display, long count) {
        // Rows stored before displays were filled from our own codes still report a readable reason.
        String shown = display == null || display.isBlank()
                ? OverrideReasons.display(system, code).orElse(code) : display;
        return new ReasonCount(system, code, shown, count);
    }

    private record RuleCount(String rule, String outcome, long count) {
    }

    private record RuleReason(String rule, ReasonCount reason) {
    }

    private static final class Tally {
        long issued;
        long accepted;
        long overridden;
        final List<ReasonCount> reasons = new ArrayList<>();

        void add(RuleCount outcome) {
            if (Outcome.ACCEPTED.code().equals(outcome.outcome())) {
                accepted = outcome.count();
            } else {
                overridden = outcome.count();
            }
        }

        RuleSummary summary(String rule) {
            List<ReasonCount> top = reasons.stream().sorted(MOST_FREQUENT_FIRST).limit(TOP_REASONS).toList();
            return new RuleSummary(rule, issued, accepted, overridden, top);
        }
    }
}
