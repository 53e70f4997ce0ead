package org.chemoadvisor.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * {@link BodyPolicyFilter} for the JSON APIs (CDS Hooks, feedback): refusals are
 * {@code {"error", "message"}}; those found while reading are thrown as
 * {@link RequestBodyRefusedException} for the API's error handler.
 */
public class JsonBodyPolicyFilter extends BodyPolicyFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonBodyPolicyFilter(BodyLimits limits) {
        super(limits);
    }

    /** The JSON endpoints take JSON only: a form body is refused before any parameter is parsed from it. */
    @Override
    protected boolean refusesFormBodies(HttpServletRequest request) {
        return !"GET".equals(request.getMethod());
    }

    @Override
    protected RuntimeException exception(BodyRefusal refusal, String message) {
        return new RequestBodyRefusedException(refusal, message);
    }

    @Override
    protected void writeRefusal(HttpServletResponse response, BodyRefusal refusal, String message) throws IOException {
        byte[] body = JSON.writeValueAsBytes(Map.of("error", refusal.error(), "message", message));
        response.setStatus(refusal.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
