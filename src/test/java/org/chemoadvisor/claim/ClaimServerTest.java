package org.chemoadvisor.claim;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/** The running server the HTTP tests share (one Spring context: same properties everywhere). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chemo.policy.payers[Acme\\ Health\\ Plan]=commercial",
            "chemo.policy.supporting-diagnoses.payers[Acme\\ Health\\ Plan]="
                    + "classpath:valuesets/acme-supporting-diagnoses.json"})
public @interface ClaimServerTest {
}
