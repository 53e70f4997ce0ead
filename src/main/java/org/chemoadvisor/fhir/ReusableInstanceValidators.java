package org.chemoadvisor.fhir;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * A small pool of {@link InstanceValidator}s configured exactly as HAPI 8.8.0's private
 * {@code ValidatorWrapper.buildInstanceValidator} and {@code validate} configure the one they build per
 * call, from the settings of a {@link FhirInstanceValidator}.
 *
 * <p>Why: each new {@code InstanceValidator} re-parses the 1.5 MB {@code oidregistry.csv}
 * ({@code new OIDUtilities()} in its constructor, no setter), about half of a validation.
 *
 * <p>Why not keep one forever: {@code InstanceValidator.validate} clears its per-call maps (fetch cache,
 * resource tracker, tracked messages) but not everything. Its {@code CodingsObserver} adds every coding it
 * sees to a list that is never cleared (each entry holds the node stack, hence the parsed resource), and
 * {@code BaseValidator.statusWarnings} says a "depends on a deprecated/withdrawn definition" hint once
 * per instance. Those two are cleared after each validation ({@link InstanceValidatorLeftovers}); what
 * else a later HAPI version might keep is bounded by retiring an instance after {@code maxUses}
 * validations, or sooner once it has validated {@code maxBytes} of JSON (what an instance keeps grows
 * with the size of what it validated, so a count alone would let a few large resources fill the heap).
 *
 * <p>At most {@code capacity} instances exist (idle, lent or being built). A borrower that finds none
 * idle and the pool at capacity waits for one: under overload, building one per concurrent request
 * (~10 ms of CPU and several MB each, 200 request threads) deepened it and exhausted the heap.
 *
 * <p>A retired instance's replacement is built on {@code replacements} (a background thread in the
 * service), not on the request thread: a build takes ~10 ms, and on the request thread it was the p99
 * of {@code $validate} (one request in {@code maxUses}).
 *
 * <p>An instance is used by one thread at a time: {@code InstanceValidator} is not thread-safe.
 */
final class ReusableInstanceValidators {

    /** How often a waiting borrower looks again whether it may build an instance. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final IWorkerContext context;
    private final FhirInstanceValidator settings;
    private final int maxUses;
    private final long maxBytes;
    private final BlockingQueue<Pooled> idle;
    private final Executor replacements;
    private final int capacity;
    private final AtomicInteger instances = new AtomicInteger();
    /** Resource type name to its StructureDefinition, as the parsers found them; shared by all instances. */
    private final Map<String, StructureDefinition> definitions = new ConcurrentHashMap<>();

    ReusableInstanceValidators(IWorkerContext context, FhirInstanceValidator settings, int capacity, int maxUses,
            long maxBytes, Executor replacements) {
        this.context = Objects.requireNonNull(context);
        this.settings = Objects.requireNonNull(settings);
        this.maxUses = maxUses;
        this.maxBytes = maxBytes;
        this.idle = new ArrayBlockingQueue<>(capacity);
        this.capacity = capacity;
        this.replacements = Objects.requireNonNull(replacements);
    }

    /** Instances that exist now (idle, lent or being built), for the pool gauges. */
    int instancesNow() {
        return instances.get();
    }

    int capacity() {
        return capacity;
    }

    /** An idle validator, a new one while the pool is below capacity, else the next one given back. Give it back with {@link #release}. */
    Pooled acquire() {
        return acquire(null);
    }

    /**
     * As {@link #acquire()}, but refused with {@link ValidatorsBusyException} once {@code maxWait} (null: no
     * bound) has passed with none given back: under overload a caller is answered, not queued for as long
     * as the backlog takes.
     */
    Pooled acquire(Duration maxWait) {
        long deadline = maxWait == null ? 0 : System.nanoTime() + maxWait.toNanos();
        while (true) {
            Pooled pooled = idle.poll();
            if (pooled != null) {
                return pooled;
            }
            if (instances.incrementAndGet() <= capacity) {
                return buildCounted();
            }
            instances.decrementAndGet();
            long wait = POLL.toNanos();
            if (maxWait != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ValidatorsBusyException(maxWait);
                }
                wait = Math.min(wait, left);
            }
            try {
                // Re-checked every POLL: a replacement whose build failed frees its place in the pool.
                pooled = idle.poll(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Pooled(newValidation(), false);
            }
            if (pooled != null) {
                return pooled;
            }
        }
    }

    void release(Pooled pooled) {
        release(pooled, 0);
    }

    /**
     * Returns a validator after it validated {@code bytes} of JSON. Once used {@code maxUses} times, or past
     * {@code maxBytes} validated, it is retired (left to the GC) and its replacement is built on the
     * replacements executor. An uncounted one (built by an interrupted borrower) is dropped.
     */
    void release(Pooled pooled, long bytes) {
        if (!pooled.counted) {
            return;
        }
        pooled.bytes += bytes;
        if (++pooled.uses < maxUses && pooled.bytes < maxBytes) {
            idle.offer(pooled);
            return;
        }
        try {
            replacements.execute(() -> idle.offer(buildCounted()));
        } catch (RejectedExecutionException e) {
            instances.decrementAndGet();
        }
    }

    /** Builds idle instances up to capacity (start-up, so that the first requests find them ready). */
    void fill() {
        while (instances.incrementAndGet() <= capacity) {
            idle.offer(buildCounted());
        }
        instances.decrementAndGet();
    }

    /** A pooled instance, already counted in {@code instances}; uncounted again if the build fails. */
    private Pooled buildCounted() {
        try {
            return new Pooled(newValidation(), true);
        } catch (RuntimeException | Error e) {
            instances.decrementAndGet();
            throw e;
        }
    }

    int idleCount() {
        return idle.size();
    }

    private ReusableJsonValidation newValidation() {
        return new ReusableJsonValidation(build(), context, definitions);
    }

    /** The settings of ValidatorWrapper.validate (HAPI 8.8.0), in its order. */
    private InstanceValidator build() {
        InstanceValidator validator = newInstanceValidator();
        validator.setAssumeValidRestReferences(settings.isAssumeValidRestReferences());
        validator.setBestPracticeWarningLevel(settings.getBestPracticeWarningLevel());
        validator.setAnyExtensionsAllowed(settings.isAnyExtensionsAllowed());
        validator.setResourceIdRule(IdStatus.OPTIONAL);
        validator.setNoTerminologyChecks(settings.isNoTerminologyChecks());
        validator.setErrorForUnknownProfiles(settings.isErrorForUnknownProfiles());
        validator.setUnknownCodeSystemsCauseErrors(true);
        validator.getExtensionDomains().addAll(settings.getExtensionDomains());
        validator.setFetcher(settings.getValidatorResourceFetcher());
        validator.setPolicyAdvisor(settings.getValidatorPolicyAdvisor());
        validator.setNoExtensibleWarnings(settings.isNoExtensibleWarnings());
        validator.setNoBindingMsgSuppressed(settings.isNoBindingMsgSuppressed());
        validator.setAllowExamples(settings.isAllowExamples());
        validator.setAllowXsiLocation(true);
        return validator;
    }

    /** ValidatorWrapper.buildInstanceValidator (HAPI 8.8.0). */
    private InstanceValidator newInstanceValidator() {
        IHostApplicationServices hostServices = Objects.requireNonNullElseGet(
                settings.getHostApplicationServices(), FhirInstanceValidator.NullEvaluationContext::new);
        try {
            return new InstanceValidator(context, hostServices, new XVerExtensionManagerOld(context),
                    new ValidatorSession(), new ValidatorSettings());
        } catch (Exception e) {
            throw new IllegalStateException("Could not build the FHIR instance validator", e);
        }
    }

    static final class Pooled {
        final ReusableJsonValidation validation;
        private final boolean counted;
        private int uses;
        private long bytes;

        private Pooled(ReusableJsonValidation validation, boolean counted) {
            this.validation = validation;
            this.counted = counted;
        }
    }
}
