package org.chemoadvisor.web;

import com.fasterxml.jackson.core.JsonParser;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's ObjectMapper (every CDS Hooks and feedback body) reads within {@link JsonLimits} and refuses
 * an object naming a member twice ({@link JsonReadProblems}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonLimits.class)
class JsonLimitsConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits(JsonLimits limits) {
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(limits.constraints());
            mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        });
    }

    @Bean
    JsonLimitCheck jsonLimitCheck(JsonLimits limits) {
        return new JsonLimitCheck(limits);
    }
}
