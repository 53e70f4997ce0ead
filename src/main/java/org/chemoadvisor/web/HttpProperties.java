package org.chemoadvisor.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chemo.http.*}: how long a caller may take to send a request body. Tomcat's
 * {@code server.tomcat.connection-timeout} bounds each wait for the next bytes; this bounds the
 * whole body, so a client trickling a byte every few seconds cannot hold a request thread.
 *
 * @param bodyReadTimeout  longest time from the start of a request to the last byte of its body
 */
@ConfigurationProperties("chemo.http")
public record HttpProperties(@DefaultValue("15s") Duration bodyReadTimeout) {
}
