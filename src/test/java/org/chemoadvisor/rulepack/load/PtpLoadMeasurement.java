package org.chemoadvisor.rulepack.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.chemoadvisor.rulepack.RulePack;

/**
 * Not a test: measures loading a full-size PTP file. Writes a synthetic million-row file in the
 * CMS practitioner layout, loads the pack with it, and prints load time and the heap the pack
 * retains (heap after GC with the pack, minus heap after GC with the bundled pack). Run after
 * {@code mvn test-compile}:
 * <pre>java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) \
 *   org.chemoadvisor.rulepack.load.PtpLoadMeasurement [rows]</pre>
 * Measured 2026-11-26 on the shared 2-core box, Java 17: 1,000,000 rows (64 MB file) load in
 * 3.1-3.7 s; the pack retains ~123 MB more than the bundled one (~129 bytes a row, of which
 * the PtpEdit itself is 32 and PtpTable's index, one "col1|col2" key string and list per pair,
 * most of the rest); the whole run fits in -Xmx512m.
 */
public final class PtpLoadMeasurement {

    private static final String[] RATIONALES = {"CPT Manual or CMS manual coding instruction",
        "Mutually exclusive procedures", "Misuse of Column Two code with Column One code",
        "Standards of medical / surgical practice", "HCPCS/CPT procedure code definition"};

    private PtpLoadMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("ccipra-synthetic-", ".txt");
        try {
            write(file, rows);
            long baseline = retainedAfterGc(RulePackLoader.loadBundled());
            long started = System.nanoTime();
            RulePack pack = RulePackLoader.load(new RulePackProperties(null, null,
                    new RulePackProperties.TableOverride(List.of(file.toString()), "synthetic", null), null));
            long millis = (System.nanoTime() - started) / 1_000_000;
            long retained = retainedAfterGc(pack) - baseline;
            System.out.printf("%d PTP rows (%d MB file): loaded in %d ms, pack retains ~%d MB more heap than the bundled"
                    + " pack (%d bytes/row); max heap %d MB%n", pack.ptp().size(), Files.size(file) >> 20, millis,
                    retained >> 20, retained / rows, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long retainedAfterGc(Object keep) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Reference.reachabilityFence(keep);
        return used;
    }

    /** About 15,000 codes, dates from a few hundred quarters, as in the published files. */
    private static void write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("CPT only copyright 2024 American Medical Association. All rights reserved.\r\n\r\n");
            out.write("Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\r\n");
            out.write("\t\tprior to 1996\tDate\tDate\t0=not allowed\t\r\n\t\t\t\t*=no data\t1=allowed\t\r\n");
            for (int i = 0; i < rows; i++) {
                int year = 1996 + i % 29;
                int month = 1 + 3 * (i % 4);
                String deletion = i % 5 == 0 ? String.format("%d%02d%02d", year + 1, month, 1) : "*";
                out.write(code(i / 67) + '\t' + code((int) ((i * 7919L) % 15_000)) + '\t' + (year == 1996 ? "*" : "")
                        + '\t' + String.format("%d%02d01", year, month) + '\t' + deletion + '\t' + (i % 3 == 0 ? "0" : "1")
                        + '\t' + RATIONALES[i % RATIONALES.length] + "\r\n");
            }
        }
    }

    private static String code(int n) {
        return n % 10 == 9 ? String.format("%04dT", n % 10_000) : String.format("%05d", 10_000 + n % 89_999);
    }
}
