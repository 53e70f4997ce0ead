package org.chemoadvisor.feedback;

/** Error answer of the feedback endpoints: a short code and a sentence naming the problem. */
public record FeedbackError(String error, String message) {
}
