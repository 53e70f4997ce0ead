package org.chemoadvisor.claim;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Measures one {@code POST /fhir/Claim/$validate} over HTTP (the clean example Claim, 4 items),
 * with and without structural validation: median and p99 of sequential requests after a warm-up.
 * Prints, asserts nothing; skipped unless asked for:
 *
 * <pre>mvn -B -o -q test -Dtest=ValidateTimingHarness -Dchemo.benchmark=true [-Dchemo.benchmark.requests=2000]</pre>
 */
@ClaimServerTest
@EnabledIfSystemProperty(named = "chemo.benchmark", matches = "true")
class ValidateTimingHarness {

    private static final int WARM_UP = 300;

    @LocalServerPort
    int port;

    @Test
    void measure() {
        int requests = Integer.getInteger("chemo.benchmark.requests", 1000);
        String claim = TestClaims.example("claim-clean-64644-64645-95874.json");
        FhirHttp http = new FhirHttp(port);
        for (String query : new String[] {"", "?structural=false"}) {
            time(http, query, claim, WARM_UP);
            double[] millis = time(http, query, claim, requests);
            Arrays.sort(millis);
            System.out.printf("$validate%-18s n=%d  median %.2f ms  p99 %.2f ms  max %.2f ms%n",
                    query.isEmpty() ? " (structural)" : " " + query, requests,
                    percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]);
        }
    }

    private static double[] time(FhirHttp http, String query, String claim, int count) {
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.validate(query, claim, FhirHttp.FHIR_JSON);
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
        }
        return millis;
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
