package io.ferry.app;

import io.ferry.service.ServiceTask;
import io.ferry.service.ServiceTaskContext;
import io.ferry.service.ServiceTaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The reference process's payment step. A real handler would call a payment provider, passing the
 * idempotency key so that a retried call never charges twice.
 */
@ApplicationScoped
@ServiceTask("chargePayment")
public class ChargePaymentHandler implements ServiceTaskHandler {

    @Override
    public Map<String, Object> execute(ServiceTaskContext context) {
        double amount = context.variables().path("amount").asDouble(0);
        return Map.of("payment", Map.of("status", "CHARGED", "amount", amount, "reference", context.idempotencyKey()));
    }
}
