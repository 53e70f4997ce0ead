package org.chemoadvisor.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * HAPI's instance validator against the base R4 specification, built once (it is expensive) and
 * shared; thread-safe.
 *
 * <p>Billing code systems (CPT, HCPCS, ICD-10-CM, CMS place of service) are not available to a
 * local validator. Its messages about them ("CodeSystem is unknown and can't be validated",
 * information or, depending on the settings, a warning or an error) are left out: one per coded
 * element, they would drown the coding findings and tell the caller nothing it can act on.
 *
 * <p>Known cost, and what is done about it: HAPI 8.8.0's {@link FhirInstanceValidator} builds a new
 * {@code InstanceValidator} per validation (the builder in {@code ValidatorWrapper} is private), and its
 * constructor re-parses the 1.5 MB {@code oidregistry.csv} ({@code new OIDUtilities()}, no setter): ~9.5 ms
 * of a ~12 ms in-process validation of the 4-item example Claim. So a resource without a declared profile
 * is validated by a pooled, reused {@code InstanceValidator} ({@link ReusableInstanceValidators}),
 * configured from the same {@link FhirInstanceValidator}'s settings over the same worker context and
 * post-processed as {@code ValidatorWrapper} and {@code BaseValidatorBridge} do; that it returns the same
 * messages as HAPI's own path is tested ({@code StructuralValidatorEquivalenceTest}). In-process that
 * validation takes ~2.3 ms; {@code $validate} over HTTP went from a median of ~15-16 ms to ~3-4 ms at 2 connections. After each
 * validation the state HAPI's instance keeps across calls is cleared ({@link InstanceValidatorLeftovers});
 * an instance is retired every 5,000 uses and its replacement built (~10 ms) on a background thread, not
 * on the request. {@link #warmUp} (at start-up, off the main thread) loads the definitions and fills the
 * pool; a request finding none idle waits for one (at most 4 exist: under overload, building one per
 * concurrent request would exhaust CPU and heap). A resource that declares {@code meta.profile} (rare here) takes HAPI's path unchanged.
 */
public class StructuralValidator {

    /** Idle instances kept (~5.5 MB each, mostly the OID registry): enough for the concurrency of a small box. */
    private static final int POOL_CAPACITY = 4;
    /**
     * Validations per instance before it is retired. What an instance keeps of each validation is cleared
     * after it ({@link InstanceValidatorLeftovers}), so retiring is only a bound on what this HAPI version
     * might keep unseen, and the ~10 ms rebuild is spread over thousands of validations. Were the leftovers
     * not clearable, an instance retains ~225 KB per validation of a 4-item Claim (measured): 50 uses bound
     * that to ~11 MB.
     */
    private static final int MAX_USES = InstanceValidatorLeftovers.CLEARABLE ? 5_000 : 50;
    /**
     * JSON validated per instance before it is retired, whatever the count. Without clearing, what an
     * instance keeps grows with the size of what it validated (~90 times the JSON), so this is about what 50
     * validations of a 4-item Claim (~2.5 KB each) add up to; with clearing, what 5,000 of them do.
     */
    static final long MAX_VALIDATED_BYTES = InstanceValidatorLeftovers.CLEARABLE ? 16L << 20 : 128 * 1024;
    private static final String MIME_TYPES = "http://hl7.org/fhir/ValueSet/mimetypes";

    private final FhirContext fhirContext;
    private final FhirInstanceValidator module;
    private final FhirValidator hapiValidator;
    private final ReusableInstanceValidators pool;
    private final IValidationSupport definitions;
    private final Duration maxWait;
    private volatile CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);
    private volatile CompletableFuture<Void> compaction = CompletableFuture.completedFuture(null);

    /** With no bound on the wait for a pooled validator (the bulk review: its own callers are bounded). */
    public StructuralValidator(FhirContext fhirContext) {
        this(fhirContext, POOL_CAPACITY, MAX_USES);
    }

    /**
     * @param maxWait how long a validation waits for a pooled validator to come free before it is refused
     *     with {@link ValidatorsBusyException}
     */
    public StructuralValidator(FhirContext fhirContext, Duration maxWait) {
        this(fhirContext, new LazyProfilesValidationSupport(fhirContext), POOL_CAPACITY, MAX_USES, backgroundThread(),
                maxWait);
    }

    StructuralValidator(FhirContext fhirContext, int poolCapacity, int maxUses) {
        this(fhirContext, poolCapacity, maxUses, backgroundThread());
    }

    StructuralValidator(FhirContext fhirContext, int poolCapacity, int maxUses, Executor replacements) {
        this(fhirContext, new LazyProfilesValidationSupport(fhirContext), poolCapacity, maxUses, replacements);
    }

    /** {@code definitions}: the R4 structure definitions, value sets and code systems (HAPI's built-in ones). */
    StructuralValidator(FhirContext fhirContext, IValidationSupport definitions, int poolCapacity, int maxUses,
            Executor replacements) {
        this(fhirContext, definitions, poolCapacity, maxUses, replacements, null);
    }

    /** {@code maxWait}: null for no bound. */
    StructuralValidator(FhirContext fhirContext, IValidationSupport definitions, int poolCapacity, int maxUses,
            Executor replacements, Duration maxWait) {
        this.fhirContext = fhirContext;
        this.maxWait = maxWait;
        this.definitions = definitions;
        // The chain caches lookups itself (CachingValidationSupport is deprecated in HAPI 8 for this reason).
        ValidationSupportChain chain = new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.defaultValues(),
                definitions,
                new InMemoryTerminologyServerValidationSupport(fhirContext),
                new CommonCodeSystemsTerminologyService(fhirContext));
        this.module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        // One worker context (loaded definitions, caches) for both paths.
        WorkerContextValidationSupportAdapter context =
                WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(chain);
        module.setWrappedWorkerContext(chain, context);
        this.hapiValidator = fhirContext.newValidator().registerValidatorModule(module);
        this.pool = new ReusableInstanceValidators(context, module, poolCapacity, maxUses, MAX_VALIDATED_BYTES,
                replacements);
    }

    /**
     * Loads the R4 definitions (the first validation takes seconds) and fills the pool, on a background
     * thread so that the rest of start-up goes on meanwhile; wait on the result before taking traffic.
     * Then, on another background thread, compacts the definitions the validator does not read on every
     * call ({@link LazyProfilesValidationSupport#compact}).
     */
    public void warmUp(IBaseResource sample) {
        warmUp = CompletableFuture.runAsync(() -> {
            validate(sample);
            pool.fill();
        }, daemon("fhir-validator-warm-up"));
        // After the warm-up, not in it: compacting takes about a second of CPU that start-up need not wait for.
        if (definitions instanceof LazyProfilesValidationSupport lazy) {
            compaction = warmUp.thenRunAsync(lazy::compact, daemon("fhir-definitions-compaction"));
        }
    }

    /** The compaction of the definitions that {@link #warmUp} started (done at once when there is none). */
    CompletableFuture<Void> compaction() {
        return compaction;
    }

    private static Executor daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** Waits for {@link #warmUp} to finish; rethrows its failure. */
    public void awaitWarmUp() {
        warmUp.join();
    }

    /** One daemon thread, started on demand and ended when idle, that builds the retired instances' replacements. */
    private static Executor backgroundThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "fhir-validator-replacements");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** The validator's messages, less those saying it cannot check a billing code system. */
    public List<SingleValidationMessage> validate(IBaseResource resource) {
        return validate(resource, null);
    }

    /**
     * As {@link #validate(IBaseResource)}, reading {@code sentJson}, the JSON text {@code resource} was parsed
     * from, instead of HAPI's encoding of it: what the caller sent is what gets validated, and encoding the
     * resource again for the validator was a seventh of a {@code Claim/$validate} with structure. The messages are
     * HAPI's for the resource; their line and column are then in the caller's text. Null: HAPI's encoding.
     */
    public List<SingleValidationMessage> validate(IBaseResource resource, String sentJson) {
        return withoutBillingSystemNotices(validateAll(resource, sentJson));
    }

    List<SingleValidationMessage> validateAll(IBaseResource resource) {
        return validateAll(resource, null);
    }

    List<SingleValidationMessage> validateAll(IBaseResource resource, String sentJson) {
        if (!resource.getMeta().getProfile().isEmpty()) {
            return validateWithHapi(resource);
        }
        byte[] json;
        if (sentJson != null) {
            json = sentJson.getBytes(StandardCharsets.UTF_8);
        } else {
            IValidationContext<IBaseResource> request = ValidationContext.forResource(fhirContext, resource, null);
            if (request.getResourceAsStringEncoding() != EncodingEnum.JSON) {
                return validateWithHapi(resource);
            }
            json = request.getResourceAsString().getBytes(StandardCharsets.UTF_8);
        }
        List<ValidationMessage> messages = new ArrayList<>();
        ReusableInstanceValidators.Pooled pooled = pool.acquire(maxWait);
        try {
            pooled.validation.validate(json, messages);
        } finally {
            pool.release(pooled, json.length);
        }
        return messages.stream().filter(StructuralValidator::keptByHapi).map(this::toHapiMessage).toList();
    }

    /** HAPI's own path ({@link FhirValidator} over the same module and worker context). */
    List<SingleValidationMessage> validateWithHapi(IBaseResource resource) {
        return hapiValidator.validateWithResult(resource).getMessages();
    }

    ReusableInstanceValidators pool() {
        return pool;
    }

    private static List<SingleValidationMessage> withoutBillingSystemNotices(List<SingleValidationMessage> all) {
        return all.stream().filter(m -> !isUncheckableBillingSystem(m.getMessage())).toList();
    }

    /** ValidatorWrapper.validate's filter (HAPI 8.8.0): binding without a source, unknown value set but mimetypes. */
    private static boolean keptByHapi(ValidationMessage message) {
        String id = message.getMessageId();
        if (id == null) {
            return true;
        }
        return !id.equals("Terminology_TX_Binding_NoSource")
                && !(id.equals("Terminology_TX_ValueSet_NotFound") && message.getMessage().contains(MIME_TYPES));
    }

    /** ValidatorWrapper's severity for unknown profiles, then BaseValidatorBridge's conversion (HAPI 8.8.0). */
    private SingleValidationMessage toHapiMessage(ValidationMessage message) {
        if ("Validation_VAL_Profile_Unknown".equals(message.getMessageId())
                || "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY".equals(message.getMessageId())) {
            message.setLevel(module.isErrorForUnknownProfiles()
                    ? ValidationMessage.IssueSeverity.ERROR : ValidationMessage.IssueSeverity.WARNING);
        }
        SingleValidationMessage converted = new SingleValidationMessage();
        if (message.getCol() != -1) {
            converted.setLocationCol(message.getCol());
        }
        if (message.getLine() != -1) {
            converted.setLocationLine(message.getLine());
        }
        converted.setLocationString(message.getLocation());
        converted.setMessage(message.getMessage());
        if (message.getLevel() != null) {
            converted.setSeverity(ca.uhn.fhir.validation.ResultSeverityEnum.fromCode(message.getLevel().toCode()));
        }
        if (message.getMessageId() != null && !message.getMessageId().contains(" ")) {
            converted.setMessageId(message.getMessageId());
        }
        if (message.hasSliceInfo()) {
            converted.setSliceMessages(message.getSliceInfo().stream().map(ValidationMessage::getMessage).toList());
        }
        return converted;
    }

    /** "CodeSystem is unknown and can't be validated: http://www.ama-assn.org/go/cpt ..." and the like. */
    static boolean isUncheckableBillingSystem(String text) {
        if (text == null || CodeSystems.NOT_CHECKED_LOCALLY.stream().noneMatch(text::contains)) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("unknown") || lower.contains("could not be found") || lower.contains("validated");
    }
}
