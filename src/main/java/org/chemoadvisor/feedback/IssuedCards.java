package org.chemoadvisor.feedback;

import java.util.List;

/** Where issued cards are recorded (the feedback store). */
public interface IssuedCards {

    /** Takes the cards for recording; may return before they are written, never blocks on the store. */
    void record(List<IssuedCard> cards);

    /**
     * Returns once every card recorded before the call is written (or counted as lost); throws the
     * store's {@link org.springframework.dao.DataAccessException} when it cannot be reached, the
     * cards not written staying queued.
     */
    void flush();
}
