package org.chemoadvisor;

import org.chemoadvisor.bulk.ClaimReviewCommand;
import org.chemoadvisor.bulk.generate.GenerateClaimsCommand;
import org.chemoadvisor.devtokens.DevTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChemoAdvisorApplication {

    public static void main(String[] args) {
        // `java -jar <jar> dev-tokens ...` mints development keys and tokens without starting the service.
        if (args.length > 0 && "dev-tokens".equals(args[0])) {
            DevTokens.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // `java -jar <jar> validate-claims ...` reviews NDJSON files of claims without the web server.
        if (args.length > 0 && "validate-claims".equals(args[0])) {
            ClaimReviewCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // `java -jar <jar> generate-claims ...` writes seeded example claims for the bulk review.
        if (args.length > 0 && "generate-claims".equals(args[0])) {
            GenerateClaimsCommand.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(ChemoAdvisorApplication.class, args);
    }
}
