package org.chemoadvisor.bench;

import ca.uhn.fhir.rest.api.EncodingEnum;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.chemoadvisor.cdshooks.CdsHooksService;
import org.chemoadvisor.cdshooks.adapt.AdaptedLines;
import org.chemoadvisor.cdshooks.adapt.FactsAssembler;
import org.chemoadvisor.cdshooks.adapt.MedicationRequestLines;
import org.chemoadvisor.cdshooks.adapt.ServiceRequestLines;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.data.FhirJson;
import org.chemoadvisor.claim.ClaimFactsAdapter;
import org.chemoadvisor.claim.ClaimRequestReader;
import org.chemoadvisor.claim.ClaimValidationRequest;
import org.chemoadvisor.claim.ClaimValidationService;
import org.chemoadvisor.policy.PolicyProfileResolver;
import org.chemoadvisor.rulepack.RulePack;
import org.chemoadvisor.rules.Finding;
import org.chemoadvisor.rules.RuleEngine;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of each stage of a request, in-process (service beans, no HTTP), so each can be read as a
 * multiple of the parse floor: (a) parsing as the service parses, (b) facts + rules on parsed input,
 * (c) the whole path from request text to response text. {@link BenchmarkMain} prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServicePathBenchmarks {

    /** The running service's beans, shared by the threads of a benchmark. */
    @State(Scope.Benchmark)
    public static class Service {
        ObjectMapper objectMapper;
        FhirJson fhirJson;
        FactsAssembler facts;
        RuleEngine engine;
        RulePack rulePack;
        CdsHooksService cdsHooks;
        ClaimRequestReader claimReader;
        ClaimFactsAdapter claimAdapter;
        PolicyProfileResolver profiles;
        ClaimValidationService claimValidation;
        String orderSignJson;
        String claimJson;

        @Setup(Level.Trial)
        public void start() {
            ServiceUnderTest service = ServiceUnderTest.get();
            objectMapper = service.objectMapper();
            fhirJson = service.bean(FhirJson.class);
            facts = service.bean(FactsAssembler.class);
            engine = service.bean(RuleEngine.class);
            rulePack = service.bean(RulePack.class);
            cdsHooks = service.bean(CdsHooksService.class);
            claimReader = service.bean(ClaimRequestReader.class);
            claimAdapter = service.bean(ClaimFactsAdapter.class);
            profiles = service.bean(PolicyProfileResolver.class);
            claimValidation = service.bean(ClaimValidationService.class);
            orderSignJson = service.orderSignJson;
            claimJson = service.claimJson;
        }

        @TearDown(Level.Trial)
        public void stop() {
            ServiceUnderTest.stop();
        }
    }

    /** Parsed inputs, one copy per thread (HAPI model getters create missing children, so they are not shared). */
    @State(Scope.Thread)
    public static class Parsed {
        Bundle draftOrders;
        List<Resource> conditions;
        List<Resource> coverages;
        Claim claim;

        @Setup(Level.Trial)
        public void parse(Service service) throws JsonProcessingException {
            ParsedOrderSign order = parsedOrderSign(service);
            draftOrders = order.draftOrders();
            conditions = order.conditions();
            coverages = order.coverages();
            claim = service.claimReader.read(service.claimJson, EncodingEnum.JSON, Map.of()).claim();
        }
    }

    record ParsedOrderSign(CdsRequest request, Bundle draftOrders, List<Resource> conditions, List<Resource> coverages) {
    }

    // (a) the floor: Jackson for the CDS Hooks envelope, HAPI for each FHIR resource the service reads

    @Benchmark
    public ParsedOrderSign parseOrderSign(Service service) throws JsonProcessingException {
        return parsedOrderSign(service);
    }

    @Benchmark
    public Claim parseClaim(Service service) {
        return service.claimReader.read(service.claimJson, EncodingEnum.JSON, Map.of()).claim();
    }

    // (b) facts + rules on parsed input

    @Benchmark
    public List<Finding> rulesOrderSign(Service service, Parsed parsed) {
        AdaptedLines lines = MedicationRequestLines.appendTo(ServiceRequestLines.from(parsed.draftOrders),
                parsed.draftOrders, service.rulePack);
        return service.engine.evaluate(service.facts.facts(lines, parsed.conditions, parsed.coverages));
    }

    @Benchmark
    public List<Finding> rulesClaim(Service service, Parsed parsed) {
        return rulesOnClaim(service, parsed);
    }

    /** Rules-only claim throughput on two threads (target: 20,000 claims/s on 2 cores). */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> rulesClaimThroughput2Threads(Service service, Parsed parsed) {
        return rulesOnClaim(service, parsed);
    }

    // (c) the whole in-process path: request text in, response text out

    @Benchmark
    public byte[] orderSign(Service service) throws JsonProcessingException {
        CdsRequest request = service.objectMapper.readValue(service.orderSignJson, CdsRequest.class);
        return service.objectMapper.writeValueAsBytes(
                service.cdsHooks.call(ServiceUnderTest.ORDER_SIGN_SERVICE, request));
    }

    @Benchmark
    public String validateStructural(Service service) {
        return validate(service, Map.of());
    }

    @Benchmark
    public String validateRulesOnly(Service service) {
        return validate(service, Map.of("structural", new String[] {"false"}));
    }

    private static List<Finding> rulesOnClaim(Service service, Parsed parsed) {
        // The example Claim names no payer the settings map, so it gets the default profile, as in the service.
        return service.engine.evaluate(service.claimAdapter.adapt(parsed.claim, service.profiles.defaultProfile()).facts());
    }

    private static String validate(Service service, Map<String, String[]> query) {
        ClaimValidationRequest request = service.claimReader.read(service.claimJson, EncodingEnum.JSON, query);
        OperationOutcome outcome = service.claimValidation.validate(request);
        return ServiceUnderTest.get().fhirContext().newJsonParser().encodeResourceToString(outcome);
    }

    private static ParsedOrderSign parsedOrderSign(Service service) throws JsonProcessingException {
        CdsRequest request = service.objectMapper.readValue(service.orderSignJson, CdsRequest.class);
        Bundle draftOrders = (Bundle) service.fhirJson.parse(request.context().get("draftOrders"), "context.draftOrders");
        return new ParsedOrderSign(request, draftOrders, prefetched(service, request, "conditions"),
                prefetched(service, request, "coverage"));
    }

    private static List<Resource> prefetched(Service service, CdsRequest request, String key) {
        Resource resource = service.fhirJson.parse(request.prefetch().get(key), "prefetch." + key);
        List<Resource> resources = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(e -> resources.add(e.getResource()));
        } else {
            resources.add(resource);
        }
        return resources;
    }
}
