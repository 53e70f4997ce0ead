package org.chemoadvisor.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat answers some requests before they reach the application (a URL with an encoded slash,
 * {@code %00} or bytes that are not UTF-8): with its HTML error page. This valve gives those the
 * JSON error body the rest of the API uses; errors the application answers are left alone.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"http_" + status + "\",\"message\":\"" + reason(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already committed: nothing more to say
        }
    }

    private static String reason(int status) {
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        return reason == null ? "The request could not be processed" : reason.replace("\"", "'");
    }
}
