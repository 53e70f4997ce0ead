-- Cards the service issued and the feedback CDS clients sent about them.
-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL). No patient data in issued_card;
-- card_feedback.user_comment is the clinician's free text and may contain some.

CREATE TABLE issued_card (
    card_uuid  VARCHAR(100)             NOT NULL PRIMARY KEY,
    rule_id    VARCHAR(64)              NOT NULL,
    service_id VARCHAR(100)             NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX issued_card_issued_at ON issued_card (issued_at);

CREATE TABLE card_feedback (
    id                      VARCHAR(36)              NOT NULL PRIMARY KEY,
    card_uuid               VARCHAR(100)             NOT NULL,
    service_id              VARCHAR(100)             NOT NULL,
    outcome                 VARCHAR(16)              NOT NULL,
    override_reason_code    VARCHAR(100),
    override_reason_system  VARCHAR(255),
    override_reason_display VARCHAR(255),
    user_comment            VARCHAR(4000),
    outcome_timestamp       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at             TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT card_feedback_outcome CHECK (outcome IN ('accepted', 'overridden'))
);

-- No foreign key to issued_card: feedback about a card this service never issued is kept
-- (reported under rule "unknown").
CREATE INDEX card_feedback_card ON card_feedback (card_uuid);
CREATE INDEX card_feedback_outcome_timestamp ON card_feedback (outcome_timestamp);

CREATE TABLE feedback_accepted_suggestion (
    feedback_id   VARCHAR(36)  NOT NULL REFERENCES card_feedback (id),
    suggestion_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (feedback_id, suggestion_id)
);
