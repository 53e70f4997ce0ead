package org.chemoadvisor.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.chemoadvisor.cdshooks.api.CdsRequest;
import org.chemoadvisor.cdshooks.api.CdsResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Serves a call of a hook service ({@code POST /cds-services/{id}}) without Spring MVC's dispatch: handler
 * lookup, argument resolution, content negotiation and return-value handling were about an eighth of
 * order-sign's request-thread CPU under load (alternated runs, docs/performance.md), for a route whose answer
 * is always the same JSON type.
 *
 * <p>It runs where {@code DispatcherServlet} would, after Spring Security's chain and the body policy, and
 * does what MVC does for {@link CdsServicesController#call}: reads the body with Spring's {@link ObjectMapper}
 * and wraps its failures as MVC's JSON converter does, records the route in {@code http.server.requests}, and
 * hands any failure to the same exception handling ({@link CdsErrorHandler}, through MVC's resolvers), so an
 * answer, good or bad, is what MVC gave. A call it would have to negotiate (a media type other than JSON in
 * UTF-8, an {@code Accept} other than plain JSON or anything) or that names no known service passes on to MVC
 * unread.
 */
final class CdsServiceCallFilter extends OncePerRequestFilter {

    /** The route as MVC names it in {@code http.server.requests}. */
    static final String PATH_PATTERN = "/cds-services/{id}";
    private static final String PREFIX = "/cds-services/";

    private final CdsServiceCatalog catalog;
    private final CdsHooksService service;
    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final HandlerExceptionResolver errors;
    private final HandlerMethod handler;

    /**
     * @param errors MVC's exception resolvers ({@code handlerExceptionResolver})
     * @param controller the controller whose {@code call} this serves: its exception handlers apply
     */
    CdsServiceCallFilter(CdsServiceCatalog catalog, CdsHooksService service, ObjectMapper json,
            HandlerExceptionResolver errors, CdsServicesController controller) {
        this.catalog = catalog;
        this.service = service;
        this.reader = json.readerFor(CdsRequest.class);
        this.writer = json.writerFor(CdsResponse.class);
        this.errors = errors;
        try {
            this.handler = new HandlerMethod(controller,
                    CdsServicesController.class.getMethod("call", String.class, CdsRequest.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("CdsServicesController.call(String, CdsRequest) is gone", e);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || serviceId(request) == null
                || !readsAsJson(request.getContentType()) || !answersJson(request.getHeaders("Accept"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(PATH_PATTERN));
        byte[] answer;
        try {
            answer = write(service.call(serviceId(request), read(request)));
        } catch (RuntimeException e) {
            if (errors.resolveException(request, response, handler, e) == null) {
                throw e;
            }
            return;
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** The service id of a call to a known service, or null. */
    private String serviceId(HttpServletRequest request) {
        String path = request.getRequestURI();
        int start = request.getContextPath().length() + PREFIX.length();
        if (!path.startsWith(PREFIX, start - PREFIX.length()) || path.indexOf('/', start) >= 0) {
            return null;
        }
        String id = path.substring(start);
        return catalog.find(id).isPresent() ? id : null;
    }

    /** As {@code AbstractMessageConverterMethodArgumentResolver} and Jackson's converter read a body. */
    private CdsRequest read(HttpServletRequest request) {
        try {
            PushbackInputStream body = new PushbackInputStream(StreamUtils.nonClosing(request.getInputStream()));
            int first = body.read();
            if (first == -1) {
                throw missingBody(request);
            }
            body.unread(first);
            CdsRequest value = reader.readValue(body);
            if (value == null) {
                throw missingBody(request);
            }
            return value;
        } catch (InvalidDefinitionException e) {
            throw new HttpMessageConversionException("Type definition error: " + e.getType(), e);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("I/O error while reading input message", e,
                    new ServletServerHttpRequest(request));
        }
    }

    private static HttpMessageNotReadableException missingBody(HttpServletRequest request) {
        return new HttpMessageNotReadableException("Required request body is missing",
                new ServletServerHttpRequest(request));
    }

    private byte[] write(CdsResponse answer) {
        try {
            return writer.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotWritableException("Could not write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON (application/json or application/*+json) in UTF-8: what MVC's converter reads as a byte stream. */
    static boolean readsAsJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        Charset charset = type.getCharset();
        return "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
                && !type.isWildcardSubtype() && (charset == null || StandardCharsets.UTF_8.equals(charset));
    }

    /**
     * No Accept, or one whose every range is plain application/json, application/* or {@literal *}/* (no
     * quality or other parameter): MVC would answer application/json to any of them.
     */
    static boolean answersJson(Enumeration<String> accept) {
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        String value = accept.nextElement();
        if (accept.hasMoreElements()) {
            return false;
        }
        for (String range : value.split(",", -1)) {
            String trimmed = range.trim();
            if (!"application/json".equals(trimmed) && !"*/*".equals(trimmed) && !"application/*".equals(trimmed)) {
                return false;
            }
        }
        return true;
    }
}
