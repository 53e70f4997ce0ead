package org.chemoadvisor.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * A partition's lines sorted by patient (then file and position) to the rows of their reviews, one
 * patient at a time: only one patient's lines are held, however large the partition.
 *
 * @param <T> what a patient's lines are reviewed into
 */
final class PatientGroups<T> implements Iterator<T> {

    private final Iterator<Row> sorted;
    private final Function<List<PatientReview.Line>, List<T>> review;
    private final ArrayDeque<T> ready = new ArrayDeque<>();
    private Row next;

    /** @param sorted rows of (patient, value, file, order), sorted by patient */
    PatientGroups(Iterator<Row> sorted, Function<List<PatientReview.Line>, List<T>> review) {
        this.sorted = sorted;
        this.review = review;
        this.next = sorted.hasNext() ? sorted.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && next != null) {
            String patient = next.getString(0);
            List<PatientReview.Line> lines = new ArrayList<>();
            while (next != null && Objects.equals(patient, next.getString(0))) {
                lines.add(new PatientReview.Line(next.getString(1), next.getString(2), next.getLong(3)));
                next = sorted.hasNext() ? sorted.next() : null;
            }
            ready.addAll(review.apply(lines));
        }
        return !ready.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }
}
