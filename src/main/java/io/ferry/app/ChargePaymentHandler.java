package io.ferry.app;

import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reference process's payment step. A real handler would call a payment provider, passing the
 * idempotency key so that a retried call never charges twice. {@code ferry.example.payment-latency}
 * stands for the provider's answer time (none by default); the crash test sets it so that payments
 * are under way when a pod dies.
 */
@ApplicationScoped
@ServiceTask("chargePayment")
public class ChargePaymentHandler implements ServiceTaskHandler {

    @ConfigProperty(name = "ferry.example.payment-latency", defaultValue = "PT0S")
    Duration latency;

    @Override
    public Map<String, Object> execute(ServiceTaskContext context) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        double amount = context.variables().path("amount").asDouble(0);
        return Map.of("payment", Map.of("status", "CHARGED", "amount", amount, "reference", context.idempotencyKey()));
    }
}
