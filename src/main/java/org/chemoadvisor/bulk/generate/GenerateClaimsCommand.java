package org.chemoadvisor.bulk.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.chemoadvisor.rulepack.load.RulePackLoader;

/**
 * {@code java -jar <jar> generate-claims --claims N --out DIR [--seed S] [--mistakes RATE] [--gzip]}:
 * writes generated claims for trying, testing and measuring {@code validate-claims}.
 */
public final class GenerateClaimsCommand {

    private GenerateClaimsCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        long claims = -1;
        long seed = 1;
        double mistakes = 0.3;
        boolean gzip = false;
        Path dir = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--claims" -> claims = Long.parseLong(args[++i].replace("_", ""));
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--mistakes" -> mistakes = Double.parseDouble(args[++i]);
                    case "--out" -> dir = Path.of(args[++i]);
                    case "--gzip" -> gzip = true;
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            claims = -1;
        }
        if (claims < 1 || dir == null || mistakes < 0 || mistakes > 1) {
            err.println("Usage: java -jar <jar> generate-claims --claims N --out DIR [--seed S (default 1)]"
                    + " [--mistakes RATE (share of visits with a coding mistake, default 0.3)] [--gzip]");
            return 2;
        }
        try {
            long written = new ClaimGenerator(RulePackLoader.loadBundled().muscles(), seed, mistakes)
                    .write(dir, claims, gzip);
            out.printf("%d claims (seed %d) written to %s%n", written, seed, dir.toAbsolutePath());
            return 0;
        } catch (IOException e) {
            err.println("generate-claims: " + e.getMessage());
            return 2;
        }
    }
}
