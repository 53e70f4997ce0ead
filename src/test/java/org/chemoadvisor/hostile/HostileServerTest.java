package org.chemoadvisor.hostile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The running service the hostile-input tests share (one Spring context). Authentication is off
 * so that every input reaches the parsers; the authentication filters have their own tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cds.security.enabled=false")
public @interface HostileServerTest {
}
