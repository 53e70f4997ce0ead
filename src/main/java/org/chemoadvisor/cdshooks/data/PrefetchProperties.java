package org.chemoadvisor.cdshooks.data;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cds.prefetch.*}: the EHR FHIR servers this service may call back for data that was not
 * prefetched (empty: it never calls out), how long it waits for them, and how much it reads.
 *
 * @param connectTimeout   longest wait for a TCP connection, and for a pooled connection, per read
 * @param socketTimeout    longest silence between two packets of one read (it does not bound a read
 *                         whose server sends a byte now and then: {@code deadline} does)
 * @param deadline         how long all the fallback reads of one hook call may take together, counted
 *                         from the start of the call; a read still running then is abandoned
 * @param maxResponseSize  most bytes read from one fallback response (after any gzip/deflate decoding);
 *                         a larger one is abandoned
 */
@ConfigurationProperties("cds.prefetch")
public record PrefetchProperties(
        List<String> allowedFhirServers,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("2s") Duration socketTimeout,
        @DefaultValue("2500ms") Duration deadline,
        @DefaultValue("2MB") DataSize maxResponseSize) {

    public PrefetchProperties {
        allowedFhirServers = allowedFhirServers == null ? List.of() : List.copyOf(allowedFhirServers);
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(socketTimeout, "socket-timeout");
        requirePositive(deadline, "deadline");
        if (maxResponseSize == null || maxResponseSize.toBytes() <= 0) {
            throw new IllegalArgumentException("cds.prefetch.max-response-size must be a positive size, e.g. 2MB");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("cds.prefetch." + name + " must be a positive duration, e.g. 2s");
        }
    }
}
