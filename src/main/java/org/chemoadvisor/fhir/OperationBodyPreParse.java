package org.chemoadvisor.fhir;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * HAPI (8.8.0) parses a POSTed operation body into a resource before it calls the method, for
 * {@code OperationParameter}s and interceptors to read, unless the binding is in manual request
 * mode. {@code @Validate} has no way to ask for that mode, and {@code @Operation(manualRequest = true)}
 * would publish the operation under another definition, so the flag is set on the bindings of
 * providers that {@linkplain FhirOperationProvider#parsesItsOwnRequestBody() parse the body
 * themselves}. It is a private field; should a later version rename it, {@link #SKIPPABLE} is false
 * and HAPI goes on parsing the body first, which costs time and changes no answer.
 */
final class OperationBodyPreParse {

    private static final Field MANUAL_REQUEST_MODE = manualRequestMode();

    /** Whether this HAPI version's flag is where this class looks for it. */
    static final boolean SKIPPABLE = MANUAL_REQUEST_MODE != null;

    private OperationBodyPreParse() {
    }

    /** Turns HAPI's pre-parse off for the operations of the providers that parse their own bodies. */
    static void skipFor(RestfulServer server, Collection<? extends FhirOperationProvider> providers) {
        providers.stream()
                .filter(FhirOperationProvider::parsesItsOwnRequestBody)
                .flatMap(provider -> operationsOf(server, provider).stream())
                .forEach(OperationBodyPreParse::skip);
    }

    /** The operations of {@code provider}, at type and instance level and at the server's. */
    static List<OperationMethodBinding> operationsOf(RestfulServer server, Object provider) {
        return Stream.concat(server.getResourceBindings().stream().flatMap(binding -> binding.getMethodBindings().stream()),
                        server.getServerBindings().stream())
                .filter(binding -> binding.getProvider() == provider)
                .filter(OperationMethodBinding.class::isInstance)
                .map(OperationMethodBinding.class::cast)
                .toList();
    }

    /** Whether HAPI will parse a POSTed body before it calls this binding's method. */
    static boolean preParses(BaseMethodBinding binding) {
        return binding instanceof OperationMethodBinding operation && !operation.isManualRequestMode();
    }

    private static void skip(OperationMethodBinding operation) {
        if (SKIPPABLE) {
            try {
                MANUAL_REQUEST_MODE.setBoolean(operation, true);
            } catch (IllegalAccessException e) {
                // Unreachable once setAccessible succeeded; the pre-parse stays, which is only slower.
            }
        }
    }

    private static Field manualRequestMode() {
        try {
            Field field = OperationMethodBinding.class.getDeclaredField("myManualRequestMode");
            if (field.getType() != boolean.class) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
