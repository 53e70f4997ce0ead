package org.chemoadvisor.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Validate;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import java.util.List;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletConfig;

class OperationBodyPreParseTest {

    /** Reads its body as a String, as ClaimValidateProvider does. */
    static class ReadsItsBody implements FhirOperationProvider {
        @Override
        public boolean parsesItsOwnRequestBody() {
            return true;
        }

        @Validate(type = Claim.class)
        public MethodOutcome validate(@ResourceParam String body) {
            return new MethodOutcome();
        }
    }

    /** Takes an operation parameter, which HAPI reads from the body it parsed before the call. */
    static class NeedsHapisParse implements FhirOperationProvider {
        @Operation(name = "$echo")
        public Parameters echo(@OperationParam(name = "text") StringType text) {
            return new Parameters();
        }
    }

    private final ReadsItsBody readsItsBody = new ReadsItsBody();
    private final NeedsHapisParse needsHapisParse = new NeedsHapisParse();

    @Test
    void thisHapiVersionHasTheFlag() {
        assertThat(OperationBodyPreParse.SKIPPABLE).as("OperationMethodBinding.myManualRequestMode").isTrue();
    }

    @Test
    void providerThatParsesItsBodySkipsHapisParse() throws ServletException {
        RestfulServer server = serverWith(readsItsBody, needsHapisParse);

        OperationBodyPreParse.skipFor(server, List.of(readsItsBody, needsHapisParse));

        assertThat(OperationBodyPreParse.operationsOf(server, readsItsBody)).isNotEmpty().noneMatch(OperationBodyPreParse::preParses);
    }

    @Test
    void providerThatDoesNotSayKeepsHapisParse() throws ServletException {
        RestfulServer server = serverWith(readsItsBody, needsHapisParse);

        OperationBodyPreParse.skipFor(server, List.of(readsItsBody, needsHapisParse));

        assertThat(OperationBodyPreParse.operationsOf(server, needsHapisParse)).isNotEmpty().allMatch(OperationBodyPreParse::preParses);
    }

    private static RestfulServer serverWith(Object... providers) throws ServletException {
        RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
        server.registerProviders(List.of(providers));
        server.init(new MockServletConfig());
        return server;
    }
}
