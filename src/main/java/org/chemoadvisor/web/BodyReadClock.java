package org.chemoadvisor.web;

/**
 * The clock body read timeouts are measured on ({@link System#nanoTime()}): a bean of this type
 * replaces it, so that a test can let a timeout pass without waiting for it.
 */
@FunctionalInterface
public interface BodyReadClock {

    BodyReadClock SYSTEM = System::nanoTime;

    long nanoTime();
}
