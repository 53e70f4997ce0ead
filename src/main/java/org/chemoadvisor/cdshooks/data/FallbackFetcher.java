package org.chemoadvisor.cdshooks.data;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.apache.ApacheHttpRequest;
import ca.uhn.fhir.rest.client.apache.ApacheHttpResponse;
import ca.uhn.fhir.rest.client.api.IClientInterceptor;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IHttpRequest;
import ca.uhn.fhir.rest.client.api.IHttpResponse;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.HttpEntityWrapper;
import org.apache.http.impl.client.HttpClients;
import org.chemoadvisor.cdshooks.api.FhirAuthorization;
import org.chemoadvisor.metrics.AdviceMetrics;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Reads data the client did not prefetch from its FHIR server, with HAPI's generic client and the
 * client's bearer token, but only from an allowlisted base URL, without following redirects, and
 * within bounds: a slow, silent or flooding server means "not available", never a held request.
 *
 * <p>The bounds: the connect and socket timeouts per read; one {@link FallbackDeadline} for all the
 * reads of a hook call ({@code cds.prefetch.deadline}), which clamps those timeouts and the wait for a
 * pooled connection, and aborts the HTTP request when it passes, since a server that sends a byte now
 * and then never trips a socket timeout; and {@code cds.prefetch.max-response-size}, counted on the
 * bytes actually read (after gzip/deflate decoding), whatever Content-Length says or does not say.
 */
@Component
@EnableConfigurationProperties(PrefetchProperties.class)
public class FallbackFetcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FallbackFetcher.class);

    private final PrefetchProperties properties;
    private final FhirServerAllowlist allowlist;
    private final RequestConfig requestDefaults;
    private final FhirContext fhirContext;
    private final ScheduledExecutorService aborter;
    private final long maxResponseBytes;
    private final AdviceMetrics metrics;
    private final LongSupplier nanoTime;

    public FallbackFetcher(FhirContext fhirContext, PrefetchProperties properties) {
        this(fhirContext, properties, AdviceMetrics.none());
    }

    @Autowired
    public FallbackFetcher(FhirContext fhirContext, PrefetchProperties properties, AdviceMetrics metrics) {
        this(fhirContext, properties, metrics, System::nanoTime, deadlineTimer());
    }

    /**
     * {@code nanoTime}: the clock the deadlines are kept on, and {@code aborter}: where a read's abort is
     * scheduled for when its deadline passes; a test can let a deadline pass without waiting for it.
     */
    FallbackFetcher(FhirContext fhirContext, PrefetchProperties properties, AdviceMetrics metrics, LongSupplier nanoTime,
            ScheduledExecutorService aborter) {
        this.nanoTime = nanoTime;
        this.aborter = aborter;
        this.metrics = metrics;
        this.properties = properties;
        this.allowlist = new FhirServerAllowlist(properties.allowedFhirServers());
        this.maxResponseBytes = properties.maxResponseSize().toBytes();
        int connect = millis(properties.connectTimeout().toMillis());
        int socket = millis(properties.socketTimeout().toMillis());
        this.requestDefaults = RequestConfig.custom()
                .setConnectTimeout(connect).setSocketTimeout(socket).setConnectionRequestTimeout(connect)
                .setRedirectsEnabled(false).build();
        // HAPI builds each request with the FhirContext's own client factory (whatever factory made the
        // client), so that is the one configured: HttpClient with these defaults, the address filter,
        // and no redirects (one could lead an allowlisted call to a host that is not allowlisted).
        // Each read then sets its own timeouts from this fetcher's settings (ReadGuard).
        this.fhirContext = fhirContext;
        IRestfulClientFactory clients = fhirContext.getRestfulClientFactory();
        clients.setConnectTimeout(connect);
        clients.setSocketTimeout(socket);
        clients.setConnectionRequestTimeout(connect);
        clients.setServerValidationMode(ServerValidationModeEnum.NEVER);
        clients.setHttpClient(HttpClients.custom()
                .disableRedirectHandling()
                .setDnsResolver(new OutboundAddressFilter())
                .useSystemProperties()
                .setDefaultRequestConfig(requestDefaults)
                .setMaxConnTotal(50).setMaxConnPerRoute(10)
                .build());
    }

    private static ScheduledExecutorService deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "prefetch-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }

    /** A deadline for the fallback reads of one hook call, starting now. */
    public FallbackDeadline startDeadline() {
        return FallbackDeadline.startingNow(properties.deadline(), nanoTime);
    }

    /**
     * The resource (usually a searchset Bundle) at {@code query} relative to the server, or empty.
     *
     * @param key      the prefetch key the query is for; log lines name it (and the resource type),
     *                 never the query itself, which carries patient ids
     * @param deadline the hook call's; the read is not started once it has passed and abandoned when
     *                 it passes
     */
    public Optional<Resource> fetch(String key, String fhirServer, FhirAuthorization authorization, String query,
            FallbackDeadline deadline) {
        Optional<String> base = allowlist.match(fhirServer);
        if (base.isEmpty()) {
            log.warn("Prefetch fallback refused: fhirServer ({}) is not on cds.prefetch.allowed-fhir-servers",
                    RequestedServer.describe(fhirServer));
            metrics.prefetchFallback(key, "refused");
            return Optional.empty();
        }
        String resourceType = query.split("[/?]", 2)[0];
        if (deadline.passed()) {
            log.warn("Prefetch fallback for {} ({}) not tried: this hook call's {} ms deadline"
                    + " (cds.prefetch.deadline) had passed", key, resourceType, deadline.budget().toMillis());
            metrics.prefetchFallback(key, "deadline");
            return Optional.empty();
        }
        ReadGuard guard = new ReadGuard(deadline);
        long started = System.nanoTime();
        try {
            IGenericClient client = fhirContext.newRestfulGenericClient(base.get());
            client.registerInterceptor(guard);
            if (authorization != null && authorization.accessToken() != null) {
                client.registerInterceptor(new BearerTokenAuthInterceptor(authorization.accessToken()));
            }
            String url = base.get() + "/" + query;
            Resource resource = query.contains("?")
                    ? client.search().byUrl(url).returnBundle(Bundle.class).execute()
                    : (Resource) client.read().resource(resourceType).withUrl(url).execute();
            metrics.prefetchFallback(key, "read");
            return Optional.of(resource);
        } catch (RuntimeException e) {
            long took = (System.nanoTime() - started) / 1_000_000;
            metrics.prefetchFallback(key, guard.tooLarge() ? "too-large"
                    : guard.timedOut() || deadline.passed() ? "deadline"
                    : RequestedServer.refusedAddress(e) ? "refused" : "failed");
            if (guard.tooLarge()) {
                log.warn("Prefetch fallback for {} ({}) abandoned after {} ms: the response was larger than {} bytes"
                        + " (cds.prefetch.max-response-size)", key, resourceType, took, maxResponseBytes);
            } else if (guard.timedOut() || deadline.passed()) {
                log.warn("Prefetch fallback for {} ({}) abandoned after {} ms: this hook call's {} ms deadline"
                        + " (cds.prefetch.deadline) passed", key, resourceType, took, deadline.budget().toMillis());
            } else if (RequestedServer.refusedAddress(e)) {
                log.warn("Prefetch fallback refused: {} resolves to a link-local, metadata or unspecified address",
                        RequestedServer.describe(base.get()));
            } else {
                // The exception text can echo the server's answer; log only what was asked for.
                log.warn("Prefetch fallback for {} ({}) failed: {}", key, resourceType, e.getClass().getSimpleName());
            }
            return Optional.empty();
        } finally {
            guard.finished();
        }
    }

    /** Stops the deadline timer. (The HTTP client stays: it is the FhirContext's, which may outlive this.) */
    @Override
    public void close() {
        aborter.shutdownNow();
    }

    private static int millis(long millis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
    }

    /**
     * One read's bounds, as a HAPI client interceptor: on the way out it clamps the request's timeouts
     * to the time left and schedules an abort for when the deadline passes; on the way back it puts
     * the byte cap between the connection and HAPI's reader.
     */
    private final class ReadGuard implements IClientInterceptor {

        private final FallbackDeadline deadline;
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicBoolean tooLarge = new AtomicBoolean();
        private volatile HttpRequestBase request;
        private volatile ScheduledFuture<?> abort;

        ReadGuard(FallbackDeadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void interceptRequest(IHttpRequest theRequest) {
            if (!(theRequest instanceof ApacheHttpRequest apache)) {
                throw new IllegalStateException("Prefetch fallback needs HAPI's Apache HTTP client");
            }
            HttpRequestBase base = apache.getApacheRequest();
            long remaining = deadline.remainingMillis();
            int left = millis(remaining);
            // Every wait HttpClient itself bounds (pooled connection, connect, silence) ends by the deadline too.
            base.setConfig(RequestConfig.copy(requestDefaults)
                    .setConnectionRequestTimeout(Math.min(requestDefaults.getConnectionRequestTimeout(), left))
                    .setConnectTimeout(Math.min(requestDefaults.getConnectTimeout(), left))
                    .setSocketTimeout(Math.min(requestDefaults.getSocketTimeout(), left))
                    .build());
            request = base;
            // What they do not bound (a trickle of bytes): aborting the request closes its connection,
            // or cancels the wait for one, and the read in progress fails.
            abort = aborter.schedule(this::deadlinePassed, remaining, TimeUnit.MILLISECONDS);
        }

        @Override
        public void interceptResponse(IHttpResponse theResponse) {
            if (theResponse instanceof ApacheHttpResponse apache) {
                HttpResponse response = apache.getResponse();
                HttpEntity entity = response.getEntity();
                if (entity != null) {
                    response.setEntity(new CappedEntity(entity, this));
                }
            }
        }

        private void deadlinePassed() {
            timedOut.set(true);
            abortRequest();
        }

        /** The cap was passed: drop the connection rather than let closing the stream drain the rest. */
        IOException overflow() {
            tooLarge.set(true);
            abortRequest();
            return new ResponseTooLargeException();
        }

        long maxBytes() {
            return maxResponseBytes;
        }

        private void abortRequest() {
            HttpRequestBase aborted = request;
            if (aborted != null) {
                aborted.abort();
            }
        }

        boolean timedOut() {
            return timedOut.get();
        }

        boolean tooLarge() {
            return tooLarge.get();
        }

        void finished() {
            ScheduledFuture<?> pending = abort;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }

    /** A response entity whose content fails once more than the cap has been read from it. */
    private static final class CappedEntity extends HttpEntityWrapper {

        private final ReadGuard guard;

        CappedEntity(HttpEntity wrapped, ReadGuard guard) {
            super(wrapped);
            this.guard = guard;
        }

        @Override
        public InputStream getContent() throws IOException {
            if (wrappedEntity.getContentLength() > guard.maxBytes()) {
                throw guard.overflow();
            }
            return new CappedStream(wrappedEntity.getContent(), guard);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                in.transferTo(out);
            }
        }
    }

    /** Counts the bytes read through it (not what the headers declare) and fails past the cap. */
    private static final class CappedStream extends InputStream {

        private final InputStream in;
        private final ReadGuard guard;
        private long read;

        CappedStream(InputStream in, ReadGuard guard) {
            this.in = in;
            this.guard = guard;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private void counted(long n) throws IOException {
            read += n;
            if (read > guard.maxBytes()) {
                throw guard.overflow();
            }
        }
    }

    private static final class ResponseTooLargeException extends IOException {

        ResponseTooLargeException() {
            super("Response larger than cds.prefetch.max-response-size");
        }
    }
}
