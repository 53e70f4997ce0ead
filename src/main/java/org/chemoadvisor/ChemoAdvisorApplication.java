package org.chemoadvisor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChemoAdvisorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChemoAdvisorApplication.class, args);
    }
}
