package org.chemoadvisor.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.chemoadvisor.security.cds.CdsAuthenticationEntryPoint;
import org.chemoadvisor.security.cds.CdsAuthenticationManagerResolver;
import org.chemoadvisor.security.cds.CdsSecurityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.CorsFilter;

/**
 * Two filter chains: {@code /cds-services/**} takes CDS client JWTs (CDS Hooks 2.0); everything
 * else takes an OAuth2 bearer token from Spring Boot's standard resource-server settings, with an
 * {@code exp} ({@link ResourceServerTokenRules}), except {@code /fhir/metadata} and the health
 * endpoint. Both refuse a request with two {@code Authorization} headers ({@link AuthorizationHeaderCheck})
 * and answer refusals in their own words. With {@code cds.security.enabled=false} both chains let
 * every request through. Both set the security headers and CORS policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsSecurityProperties.class)
class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    // 'unsafe-inline' styles for the demo's Swagger UI (its stylesheet sets some inline); scripts stay 'self'.
    private static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /**
     * No observation of each security filter, authentication and authorization: with Micrometer present Spring
     * Security wraps every filter of the chain in its own observation, about a tenth of the CPU of an order-sign
     * call in a JFR profile. Each request is still timed (http.server.requests).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The demo pages (static files, no data): open, with a policy that lets them load their own
     * scripts and styles and call this origin only. What they call is guarded by the chains below.
     */
    @Bean
    @Order(0)
    SecurityFilterChain pagesSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(path("/"), path("/index.html"), path("/dashboard.html"),
                path("/ui/**"), path("/swagger-ui/**"), path("/swagger-ui.html")));
        statelessWithHeaders(http, PAGES_CONTENT_SECURITY_POLICY);
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain cdsServicesSecurity(HttpSecurity http, CdsSecurityProperties properties,
            ObjectProvider<CdsAuthenticationManagerResolver> resolver,
            ObjectProvider<CdsAuthenticationEntryPoint> entryPoint) throws Exception {
        http.securityMatcher(path("/cds-services/**"));
        commonSettings(http, properties);
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        CdsAuthenticationEntryPoint refusals = entryPoint.getObject();
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterAfter(new AuthorizationHeaderCheck(refusals), CorsFilter.class)
                .oauth2ResourceServer(oauth2 -> oauth2.authenticationManagerResolver(resolver.getObject())
                        .authenticationEntryPoint(refusals))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals))
                .build();
    }

    /**
     * {@code /error} is open to the container's error dispatches only: a request straight to it has no error to
     * render (Spring Boot's controller answered those 500), so it needs a token like any other path, and
     * {@link org.chemoadvisor.web.DirectErrorRequestFilter} answers it 404.
     */
    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http, CdsSecurityProperties properties,
            ObjectProvider<JwtDecoder> jwtDecoder, ObjectMapper json) throws Exception {
        commonSettings(http, properties);
        if (!properties.enabled()) {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        JwtDecoder decoder = new ResourceServerTokenRules(jwtDecoder.getIfAvailable(ResourceServerFallback::refuseAll));
        ResourceServerRefusals refusals = new ResourceServerRefusals(json);
        return http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path("/fhir/metadata"), path("/actuator/health"), path("/actuator/health/**"))
                        .permitAll()
                        // The published CodeSystem, ValueSets and OperationDefinition: cards and metadata link to them; no data.
                        .requestMatchers(get("/fhir/ValueSet"), get("/fhir/ValueSet/*"), get("/fhir/CodeSystem"),
                                get("/fhir/CodeSystem/*"), get("/fhir/OperationDefinition/*"))
                        .permitAll()
                        .requestMatchers(get("/v3/api-docs"), get("/v3/api-docs/**")).permitAll()
                        .anyRequest().authenticated())
                .addFilterAfter(new AuthorizationHeaderCheck(refusals), CorsFilter.class)
                .oauth2ResourceServer(oauth2 -> oauth2.jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }

    private static void commonSettings(HttpSecurity http, CdsSecurityProperties properties) throws Exception {
        statelessWithHeaders(http, CONTENT_SECURITY_POLICY);
        http.cors(cors -> cors.configurationSource(CorsPolicy.from(properties.cors())));
    }

    private static void statelessWithHeaders(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        // Stateless bearer-token API: no session, no cookies, so no CSRF token to check.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    private static RequestMatcher get(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, pattern);
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
