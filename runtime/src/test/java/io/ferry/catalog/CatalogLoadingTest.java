package io.ferry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded model read on a thread of its own gives the beans what reading it on their own thread gives. */
class CatalogLoadingTest {

    /** A class loader that holds only the given resources. */
    private static ClassLoader holding(Map<String, String> resources) {
        return new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                String text = resources.get(name);
                return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    void anImageWithoutProcessesOrPlansHasAnEmptyCatalog() {
        CatalogLoading loading = CatalogLoading.inBackground(holding(Map.of()));

        assertThat(loading.processes().all()).isEmpty();
        assertThat(loading.migrations().plans()).isEmpty();
        assertThat(loading.migrations().chains().chains()).isEmpty();
    }

    @Test
    void aRecordedModelThatCannotBeReadFailsEveryBeanWithItsOwnMessage() {
        CatalogLoading loading = CatalogLoading.inBackground(holding(Map.of(DeployedProcesses.RESOURCE, "[{\"id\": ")));

        assertThatThrownBy(loading::processes).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read the recorded process model " + DeployedProcesses.RESOURCE);
        assertThatThrownBy(loading::migrations).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read the recorded process model " + DeployedProcesses.RESOURCE);
    }

    @Test
    void onFirstUseReadsWithTheCallersClassLoader() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(holding(Map.of(ShippedMigrations.RESOURCE, "{\"plans\": [], \"chains\": {\"chains\": []}}")));
        try {
            CatalogLoading loading = CatalogLoading.onFirstUse();

            assertThat(loading.migrations().plans()).isEmpty();
            assertThat(loading.processes().all()).isEmpty();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
