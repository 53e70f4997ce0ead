package org.chemoadvisor.fhir;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * Use of the structural validator pool: instances that exist, those idle, and the capacity. All
 * instances lent and none idle means requests are waiting for a validator.
 */
@Component
class ValidatorPoolMetrics implements MeterBinder {

    private final StructuralValidator validator;

    ValidatorPoolMetrics(StructuralValidator validator) {
        this.validator = validator;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ReusableInstanceValidators pool = validator.pool();
        Gauge.builder("chemo.validator.pool.instances", pool, ReusableInstanceValidators::instancesNow)
                .description("Structural validator instances (idle, lent or being built)").register(registry);
        Gauge.builder("chemo.validator.pool.idle", pool, ReusableInstanceValidators::idleCount)
                .description("Structural validator instances idle").register(registry);
        Gauge.builder("chemo.validator.pool.capacity", pool, ReusableInstanceValidators::capacity)
                .description("Most structural validator instances").register(registry);
    }
}
