package org.chemoadvisor.feedback;

import java.util.List;

/** Where issued cards are recorded (the feedback store). */
public interface IssuedCards {

    void record(List<IssuedCard> cards);
}
