package org.chemoadvisor.cdshooks.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.util.Optional;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClients;
import org.chemoadvisor.cdshooks.api.FhirAuthorization;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Reads data the client did not prefetch from its FHIR server, with HAPI's generic client and the
 * client's bearer token, but only from an allowlisted base URL, without following redirects, and
 * with short timeouts: a slow or refused server means "not available", never a hung request.
 */
@Component
@EnableConfigurationProperties(PrefetchProperties.class)
public class FallbackFetcher {

    private static final Logger log = LoggerFactory.getLogger(FallbackFetcher.class);

    private final FhirContext fhirContext;
    private final FhirServerAllowlist allowlist;

    public FallbackFetcher(FhirContext fhirContext, PrefetchProperties properties) {
        this.fhirContext = fhirContext;
        this.allowlist = new FhirServerAllowlist(properties.allowedFhirServers());
        configure(fhirContext.getRestfulClientFactory(), properties);
    }

    private static void configure(IRestfulClientFactory factory, PrefetchProperties properties) {
        int connect = (int) properties.connectTimeout().toMillis();
        int socket = (int) properties.socketTimeout().toMillis();
        factory.setConnectTimeout(connect);
        factory.setSocketTimeout(socket);
        factory.setConnectionRequestTimeout(connect);
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        // A redirect could lead an allowlisted call to a host that is not allowlisted.
        factory.setHttpClient(HttpClients.custom()
                .disableRedirectHandling()
                .setDnsResolver(new OutboundAddressFilter())
                .useSystemProperties()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectTimeout(connect).setSocketTimeout(socket).setConnectionRequestTimeout(connect)
                        .setRedirectsEnabled(false).build())
                .setMaxConnTotal(50).setMaxConnPerRoute(10)
                .build());
    }

    /** The resource (usually a searchset Bundle) at {@code query} relative to the server, or empty. */
    public Optional<Resource> fetch(String fhirServer, FhirAuthorization authorization, String query) {
        Optional<String> base = allowlist.match(fhirServer);
        if (base.isEmpty()) {
            log.warn("Prefetch fallback refused: fhirServer ({}) is not on cds.prefetch.allowed-fhir-servers",
                    RequestedServer.describe(fhirServer));
            return Optional.empty();
        }
        String resourceType = query.split("[/?]", 2)[0];
        try {
            IGenericClient client = fhirContext.newRestfulGenericClient(base.get());
            if (authorization != null && authorization.accessToken() != null) {
                client.registerInterceptor(new BearerTokenAuthInterceptor(authorization.accessToken()));
            }
            String url = base.get() + "/" + query;
            Resource resource = query.contains("?")
                    ? client.search().byUrl(url).returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute()
                    : (Resource) client.read().resource(resourceType).withUrl(url).execute();
            return Optional.of(resource);
        } catch (RuntimeException e) {
            if (RequestedServer.refusedAddress(e)) {
                log.warn("Prefetch fallback refused: {} resolves to a link-local, metadata or unspecified address",
                        RequestedServer.describe(base.get()));
            } else {
                // The exception text can echo the server's answer; log only what was asked for.
                log.warn("Prefetch fallback for {} failed: {}", resourceType, e.getClass().getSimpleName());
            }
            return Optional.empty();
        }
    }
}
