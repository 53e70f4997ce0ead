package org.chemoadvisor.feedback;

/** The round trip on the in-memory H2 database the tests use by default. */
class FeedbackRoundTripH2Test extends FeedbackRoundTripContract {
}
