package org.chemoadvisor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before anything reads the {@code Authorization} header. Spring Security's bearer-token resolver reads the
 * first one only, so a request carrying two was authenticated by whichever came first: such a request is refused
 * (400 {@code invalid_request}, RFC 6750 3.1) on every path of the chain, open ones included, before any token
 * is checked. A {@code DPoP} token is answered as no bearer token at all: this service takes bearer tokens only,
 * and Spring Security's DPoP filter (on by default in 6.5) would answer with its own messages.
 */
final class AuthorizationHeaderCheck extends OncePerRequestFilter {

    private final AuthenticationEntryPoint entryPoint;

    AuthorizationHeaderCheck(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> values = request.getHeaders(HttpHeaders.AUTHORIZATION);
        if (values != null && values.hasMoreElements()) {
            String first = values.nextElement();
            if (values.hasMoreElements()) {
                entryPoint.commence(request, response, new MultipleAuthorizationHeadersException());
                return;
            }
            if (StringUtils.startsWithIgnoreCase(first, "DPoP")) {
                entryPoint.commence(request, response, new InsufficientAuthenticationException("DPoP is not accepted"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
