package org.chemoadvisor.fhir;

import java.lang.reflect.Field;
import java.util.Collection;
import org.hl7.fhir.validation.BaseValidator;
import org.hl7.fhir.validation.codesystem.CodingsObserver;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * What an {@link InstanceValidator} (org.hl7.fhir.validation 6.7.9, HAPI 8.8.0) keeps from one
 * {@code validate} call to the next and never clears, cleared after each call so that a reused
 * instance retains nothing of what it validated and answers as the new instance HAPI builds per call:
 * its {@link CodingsObserver}'s list of every coding seen (each entry holds the node stack, hence the
 * element model of the whole resource: ~225 KB per validation of a 4-item Claim, which under load was
 * promoted to the old generation and kept G1 in back-to-back marking cycles), and
 * {@code BaseValidator.statusWarnings} (a "depends on a deprecated or withdrawn definition" hint is said
 * once per instance). Both are private with no API, so they are reached by reflection; should a later
 * version rename them, {@link #CLEARABLE} is false and the pool retires instances early instead.
 */
final class InstanceValidatorLeftovers {

    private static final Field CODING_OBSERVER = field(InstanceValidator.class, "codingObserver", CodingsObserver.class);
    private static final Field CODINGS = field(CodingsObserver.class, "list", Collection.class);
    private static final Field STATUS_WARNINGS = field(BaseValidator.class, "statusWarnings", Collection.class);

    /** Whether this HAPI version's leftovers are where this class looks for them. */
    static final boolean CLEARABLE = CODING_OBSERVER != null && CODINGS != null && STATUS_WARNINGS != null;

    private InstanceValidatorLeftovers() {
    }

    /** Empties what the validator kept from its calls so far; does nothing when not {@link #CLEARABLE}. */
    static void clear(InstanceValidator validator) {
        if (!CLEARABLE) {
            return;
        }
        clearCollection(codings(validator));
        clearCollection(read(STATUS_WARNINGS, validator));
    }

    /** How many codings the validator holds from earlier calls (-1 when not {@link #CLEARABLE}). */
    static int retainedCodings(InstanceValidator validator) {
        return CLEARABLE && codings(validator) instanceof Collection<?> list ? list.size() : -1;
    }

    private static Object codings(InstanceValidator validator) {
        Object observer = read(CODING_OBSERVER, validator);
        return observer == null ? null : read(CODINGS, observer);
    }

    private static void clearCollection(Object value) {
        if (value instanceof Collection<?> collection) {
            collection.clear();
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field field(Class<?> owner, String name, Class<?> type) {
        try {
            Field field = owner.getDeclaredField(name);
            if (!type.isAssignableFrom(field.getType())) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
