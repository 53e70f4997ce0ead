package org.chemoadvisor.security;

import java.util.List;
import org.chemoadvisor.security.cds.CdsSecurityProperties;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * CORS for browser-based CDS clients: only the origins in {@code cds.security.cors.allowed-origins} and
 * those matching {@code allowed-origin-patterns} (the demo profile: any port on loopback); none configured
 * (the default) means no CORS headers, so browsers keep the same-origin rule.
 */
final class CorsPolicy {

    private CorsPolicy() {
    }

    static CorsConfigurationSource from(CdsSecurityProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.any()) {
            return source;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.copyOf(settings.allowedOrigins()));
        configuration.setAllowedOriginPatterns(List.copyOf(settings.allowedOriginPatterns()));
        configuration.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        // Tokens travel in the Authorization header, never in cookies.
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(settings.maxAge());
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
