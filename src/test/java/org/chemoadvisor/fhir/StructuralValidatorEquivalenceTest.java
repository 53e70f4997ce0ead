package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pooled {@code InstanceValidator} path gives the same messages as HAPI's own
 * {@code FhirValidator} + {@code FhirInstanceValidator} path (kept in {@link StructuralValidator} for
 * resources with declared profiles), for every example Claim and for deliberately broken ones, and
 * nothing carries over from one validation to the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuralValidatorEquivalenceTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final EnumSet<Thread.State> WAITING = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING);
    private static final Path EXAMPLES = Path.of("fhir-resources", "examples");
    private static final List<String> BROKEN = List.of(
            "claim-missing-required.json", "claim-wrong-types.json", "claim-bad-required-codes.json");

    /** Small pool, short lives: reuse and retirement both happen within this test. */
    private final StructuralValidator validator = new StructuralValidator(FHIR, 2, 3);
    private final Map<String, IBaseResource> claims = new LinkedHashMap<>();
    /** The text each was parsed from. */
    private final Map<String, String> texts = new LinkedHashMap<>();
    /** HAPI's path, fresh InstanceValidator per call: what every validation must return. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();

    @BeforeAll
    void validateEveryClaimWithHapi() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .forEach(f -> texts.put(f.getFileName().toString(), read(f)));
        }
        BROKEN.forEach(name -> texts.put(name, testResource(name)));
        texts.forEach((name, text) -> claims.put(name, parse(text)));
        claims.forEach((name, claim) -> expected.put(name, comparable(validator.validateWithHapi(claim))));
    }

    Stream<String> claimNames() {
        return claims.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("claimNames")
    void pooledPathReturnsHapisMessages(String name) {
        assertThat(comparable(validator.validateAll(claims.get(name)))).isEqualTo(expected.get(name));
    }

    @ParameterizedTest
    @MethodSource("claimNames")
    void validatingTheSentTextReturnsHapisMessagesForTheParsedResource(String name) {
        List<SingleValidationMessage> fromText = validator.validateAll(claims.get(name), texts.get(name));

        // The same messages; only their line and column differ, being in the sent text, not in HAPI's encoding.
        assertThat(withoutLineAndColumn(comparable(fromText))).isEqualTo(withoutLineAndColumn(expected.get(name)));
    }

    /** Texts of one Claim that differ from HAPI's encoding of it only in what JSON leaves free. */
    Stream<String> sentTextVariants() {
        String clean = texts.get("claim-clean-64644-64645-95874.json");
        return Stream.of(
                "\r\n  " + clean.replace("\n", "\r\n") + "\n\n",
                clean.replace("\"resourceType\": \"Claim\",", "").replaceFirst("\\}\\s*$", ", \"resourceType\": \"Claim\"}"),
                clean.replace("\"status\": \"active\"", "\"status\": \"\\u0061ctive\""),
                clean.replace("\"display\": \"Example patient\"", "\"display\": \" Example patient \""),
                clean.replaceAll("\"value\": 1\\b", "\"value\": 1.0"));
    }

    @ParameterizedTest
    @MethodSource("sentTextVariants")
    void aTextHapiParsesIsValidatedAsHapisEncodingOfItIs(String text) {
        IBaseResource claim = parse(text);

        assertThat(withoutLineAndColumn(comparable(validator.validateAll(claim, text))))
                .isEqualTo(withoutLineAndColumn(comparable(validator.validateWithHapi(claim))));
    }

    @Test
    void validatingTheSentTextPutsLinesAndColumnsInThatText() {
        String name = "claim-missing-required.json";
        List<SingleValidationMessage> fromText = validator.validateAll(claims.get(name), texts.get(name));

        // HAPI's encoding is one line; the test file is indented over many.
        assertThat(validator.validateAll(claims.get(name))).allMatch(m -> m.getLocationLine() == null
                || m.getLocationLine() == 1);
        assertThat(fromText).anyMatch(m -> m.getLocationLine() != null && m.getLocationLine() > 1);
    }

    @Test
    void oneInstanceReusedForEveryClaimTwiceReturnsHapisMessagesEachTime() {
        StructuralValidator longLived = new StructuralValidator(FHIR, 1, 10_000);
        ReusableInstanceValidators.Pooled only = longLived.pool().acquire();
        longLived.pool().release(only);
        for (int round = 0; round < 2; round++) {
            for (String name : claims.keySet()) {
                assertThat(comparable(longLived.validateAll(claims.get(name)))).as(name + " round " + round)
                        .isEqualTo(expected.get(name));
            }
        }
        assertThat(longLived.pool().acquire()).isSameAs(only);
    }

    @Test
    void aReusedInstanceKeepsNoCodingOfWhatItValidated() {
        StructuralValidator single = new StructuralValidator(FHIR, 1, 10_000);
        claims.values().forEach(single::validateAll);

        ReusableInstanceValidators.Pooled pooled = single.pool().acquire();
        assertThat(InstanceValidatorLeftovers.retainedCodings(pooled.validation.validator())).isZero();
    }

    @Test
    void brokenClaimsAreReportedAsErrors() {
        for (String name : BROKEN) {
            List<SingleValidationMessage> messages = validator.validateAll(claims.get(name));
            assertThat(messages).as(name).anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR);
        }
        assertThat(expected.get("claim-missing-required.json"))
                .anyMatch(m -> m.contains("Claim.status") && m.contains("minimum required = 1"));
        assertThat(expected.get("claim-bad-required-codes.json")).anyMatch(m -> m.contains("XYZ"));
    }

    @Test
    void sameThreadSequenceDoesNotCarryStateOver() {
        List<String> order = new ArrayList<>(claims.keySet());
        for (int round = 0; round < 3; round++) {
            for (String name : order) {
                assertThat(comparable(validator.validateAll(claims.get(name)))).as(name + " round " + round)
                        .isEqualTo(expected.get(name));
                assertThat(comparable(validator.validateAll(claims.get(name)))).as(name + " again")
                        .isEqualTo(expected.get(name));
            }
        }
    }

    @Test
    void concurrentValidationsGetTheirOwnMessages() throws Exception {
        List<String> names = new ArrayList<>(claims.keySet());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map.Entry<String, List<String>>>> results = new ArrayList<>();
            for (int i = 0; i < names.size() * 4; i++) {
                String name = names.get((i * 7) % names.size());
                results.add(threads.submit(() -> Map.entry(name, comparable(validator.validateAll(claims.get(name))))));
            }
            for (Future<Map.Entry<String, List<String>>> result : results) {
                Map.Entry<String, List<String>> entry = result.get();
                assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(expected.get(entry.getKey()));
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(validator.pool().idleCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void anInstanceIsReusedUntilRetired() {
        ReusableInstanceValidators pool = new StructuralValidator(FHIR, 1, 3).pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();
        List<ReusableInstanceValidators.Pooled> next = new ArrayList<>();
        pool.release(first);
        for (int i = 0; i < 3; i++) {
            ReusableInstanceValidators.Pooled pooled = pool.acquire();
            next.add(pooled);
            pool.release(pooled);
        }
        assertThat(next.get(0)).isSameAs(first);
        assertThat(next.get(1)).isSameAs(first);
        assertThat(next.get(2)).isNotSameAs(first);
        assertThat(pool.idleCount()).isEqualTo(1);
    }

    @Test
    void aRetiredInstanceIsReplacedInTheBackgroundNotByTheBorrower() {
        List<Runnable> background = new ArrayList<>();
        ReusableInstanceValidators pool = new StructuralValidator(FHIR, 1, 2, background::add).pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();
        pool.release(first);
        ReusableInstanceValidators.Pooled again = pool.acquire();
        pool.release(again);

        assertThat(again).isSameAs(first);
        assertThat(pool.idleCount()).isZero();
        assertThat(background).hasSize(1);
        background.get(0).run();
        assertThat(pool.idleCount()).isEqualTo(1);
        assertThat(pool.acquire()).isNotSameAs(first);
    }

    @Test
    void anInstanceIsRetiredOnceItValidatedEnoughBytesWhateverItsCount() {
        ReusableInstanceValidators pool = new StructuralValidator(FHIR, 1, 50).pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();
        pool.release(first, StructuralValidator.MAX_VALIDATED_BYTES / 2);
        ReusableInstanceValidators.Pooled again = pool.acquire();
        pool.release(again, StructuralValidator.MAX_VALIDATED_BYTES / 2);

        assertThat(again).isSameAs(first);
        assertThat(pool.acquire()).isNotSameAs(first);
    }

    @Test
    void anInstanceThatValidatedASmallResourceIsKept() {
        StructuralValidator single = new StructuralValidator(FHIR, 1, 50);
        ReusableInstanceValidators pool = single.pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();
        pool.release(first);

        single.validate(WarmUpClaim.create());

        assertThat(pool.acquire()).isSameAs(first);
    }

    @Test
    void aBorrowerBeyondCapacityWaitsForAnInstanceInsteadOfBuildingOne() throws Exception {
        ReusableInstanceValidators pool = new StructuralValidator(FHIR, 1, 50).pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();
        AtomicReference<ReusableInstanceValidators.Pooled> second = new AtomicReference<>();
        Thread borrower = new Thread(() -> second.set(pool.acquire()));
        borrower.start();
        // Until the borrower waits, or has returned (with an instance it should not have built).
        while (borrower.isAlive() && !WAITING.contains(borrower.getState())) {
            Thread.onSpinWait();
        }
        assertThat(second.get()).as("nothing lent while the only instance is out").isNull();

        pool.release(first);
        borrower.join();
        assertThat(second.get()).isSameAs(first);
    }

    @Test
    void aBorrowerBeyondCapacityIsRefusedOnceItsMaxWaitHasPassed() {
        ReusableInstanceValidators pool = new StructuralValidator(FHIR, 1, 50).pool();
        ReusableInstanceValidators.Pooled first = pool.acquire();

        // A zero wait has passed at once: refused without waiting, so the test never depends on the clock.
        assertThatThrownBy(() -> pool.acquire(Duration.ZERO)).isInstanceOf(ValidatorsBusyException.class)
                .hasMessageContaining("0 ms");
        assertThat(pool.instancesNow()).as("the refused borrower built none").isEqualTo(1);

        pool.release(first);
        assertThat(pool.acquire(Duration.ZERO)).as("an idle one is lent however short the wait").isSameAs(first);
    }

    @Test
    void aValidationBeyondCapacityIsRefusedWithoutBeingRun() {
        StructuralValidator bounded = new StructuralValidator(FHIR, new LazyProfilesValidationSupport(FHIR), 1, 50,
                Runnable::run, Duration.ZERO);
        ReusableInstanceValidators.Pooled only = bounded.pool().acquire();
        IBaseResource clean = claims.get("claim-clean-64644-64645-95874.json");

        assertThatThrownBy(() -> bounded.validate(clean)).isInstanceOf(ValidatorsBusyException.class);

        bounded.pool().release(only);
        assertThat(bounded.validate(clean)).noneMatch(m -> m.getSeverity() == ca.uhn.fhir.validation.ResultSeverityEnum.ERROR);
    }

    @Test
    void warmUpLeavesThePoolFull() {
        StructuralValidator warmed = new StructuralValidator(FHIR, 3, 50);
        warmed.warmUp(WarmUpClaim.create());
        warmed.awaitWarmUp();
        assertThat(warmed.pool().idleCount()).isEqualTo(3);
        assertThat(warmed.validate(WarmUpClaim.create()))
                .noneMatch(m -> m.getSeverity() == ca.uhn.fhir.validation.ResultSeverityEnum.ERROR);
    }

    @Test
    void billingSystemNoticesAreLeftOutOfTheResult() {
        IBaseResource clean = claims.get("claim-clean-64644-64645-95874.json");
        assertThat(validator.validateAll(clean)).anyMatch(m -> StructuralValidator.isUncheckableBillingSystem(m.getMessage()));
        assertThat(validator.validate(clean)).noneMatch(m -> StructuralValidator.isUncheckableBillingSystem(m.getMessage()));
    }

    /** Severity, location, line:col, message id and text, in the order given. */
    private static List<String> comparable(List<SingleValidationMessage> messages) {
        return messages.stream()
                .map(m -> m.getSeverity() + " | " + m.getLocationString() + " | " + m.getLocationLine() + ":"
                        + m.getLocationCol() + " | " + m.getMessageId() + " | " + m.getMessage()
                        + " | " + m.getSliceMessages())
                .toList();
    }

    private static List<String> withoutLineAndColumn(List<String> comparable) {
        return comparable.stream().map(m -> m.replaceFirst(" \\| [0-9a-z]+:[0-9a-z]+ \\| ", " | ")).toList();
    }

    /** A Claim, or a collection Bundle holding one. */
    private static IBaseResource parse(String json) {
        return FHIR.newJsonParser().parseResource(json);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String testResource(String name) {
        try (InputStream in = StructuralValidatorEquivalenceTest.class.getResourceAsStream("/structural/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
