package org.chemoadvisor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** {@code $validate} parses its body once, strictly, in {@link ClaimRequestReader}: HAPI's parse before the call is off. */
@ClaimServerTest
class ClaimValidateBodyParsingTest {

    @Autowired
    ServletRegistrationBean<RestfulServer> fhirServlet;

    @Autowired
    ClaimValidateProvider provider;

    @Test
    void validateIsInHapisManualRequestMode() {
        List<OperationMethodBinding> operations = operationsOf(provider);

        assertThat(operations).as("the $validate binding").hasSize(1);
        assertThat(operations.get(0).isManualRequestMode())
                .as("HAPI would parse the body before ClaimRequestReader parses it again").isTrue();
    }

    private List<OperationMethodBinding> operationsOf(Object owner) {
        return fhirServlet.getServlet().getProviderMethodBindings(owner).stream()
                .filter(OperationMethodBinding.class::isInstance)
                .map(OperationMethodBinding.class::cast)
                .toList();
    }
}
