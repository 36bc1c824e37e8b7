package io.ferry.deployment.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A pod configured with no handler slot does not start: its claimed jobs would wait for one for ever. */
class NoHandlerSlotRefusedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.ferry.jobs.concurrency", "0")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .assertException(failure -> assertThat(causes(failure)).contains("quarkus.ferry.jobs.concurrency is 0: a pod "
                    + "calls at least one handler at a time; set it to 1 or more, or quarkus.ferry.jobs.poll-every=off for "
                    + "a pod that runs no jobs"));

    @Test
    void theStartFails() {
        fail("the application started");
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
