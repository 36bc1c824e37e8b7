package io.ferry.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server programs for this platform, unpacked once per machine from the binaries
 * archive on the classpath into {@code ${java.io.tmpdir}/ferry-postgres-<version>-<platform>}.
 * Concurrent JVMs take turns through a lock file; the unpacked tree appears under its final name
 * only when complete, by an atomic rename.
 */
final class PostgresBinaries {

    /** Kept in step with {@code postgres.binaries.version} in pom.xml; a test checks it. */
    static final String VERSION = "17.5.0";
    static final String MAJOR_VERSION = VERSION.substring(0, VERSION.indexOf('.'));

    static final String MISSING_ARCHIVE = "The embedded PostgreSQL binaries for %s (%s) are not on"
            + " the classpath. Add the dependency %s, or point Ferry at a PostgreSQL server by setting"
            + " quarkus.datasource.reactive.url and quarkus.datasource.jdbc.url.";

    private static final Logger LOG = Logger.getLogger(PostgresBinaries.class);
    private static final String COMPLETE_MARKER = ".ferry-complete";
    private static final List<String> PROGRAMS = List.of("initdb", "pg_ctl", "postgres");

    private final Path installation;

    private PostgresBinaries(Path installation) {
        this.installation = installation;
    }

    /** Unpacks the binaries for the platform unless an earlier run already did. */
    static PostgresBinaries unpackedFor(Platform platform) {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path installation = temporary.resolve("ferry-postgres-" + VERSION + "-" + platform);
        if (!isComplete(installation)) {
            unpackOnce(platform, installation);
        }
        return new PostgresBinaries(installation);
    }

    Path installation() {
        return installation;
    }

    Path program(String name) {
        return installation.resolve("bin").resolve(name);
    }

    /**
     * Whether every unpacked file is still there: temporary-file cleaners (systemd-tmpfiles,
     * macOS after three days) delete the files nobody reads, which would break the server in
     * obscure ways. The marker holds the number of paths unpacked.
     */
    private static boolean isComplete(Path installation) {
        Path marker = installation.resolve(COMPLETE_MARKER);
        if (!Files.exists(marker)
                || !PROGRAMS.stream().allMatch(name -> Files.isExecutable(installation.resolve("bin").resolve(name)))) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(installation)) {
            return Long.parseLong(Files.readString(marker).strip()) == paths.count();
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    // FileLock guards against other JVMs only; the class monitor guards threads of this one.
    private static synchronized void unpackOnce(Platform platform, Path installation) {
        Path lockFile = installation.resolveSibling(installation.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (isComplete(installation)) {
                return;
            }
            long begin = System.nanoTime();
            Path staging = Files.createTempDirectory(installation.getParent(), installation.getFileName() + ".unpacking-");
            try {
                unpack(platform, staging);
                markComplete(staging);
                deleteTree(installation);
                Files.move(staging, installation, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(staging);
            }
            LOG.infof("Unpacked the PostgreSQL %s binaries into %s in %d ms", VERSION, installation,
                    (System.nanoTime() - begin) / 1_000_000);
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not unpack the embedded PostgreSQL binaries into "
                    + installation + ": " + e + ". Check that " + installation.getParent()
                    + " is writable and has room for about 60 MB (java.io.tmpdir chooses it).", e);
        }
    }

    private static void markComplete(Path staging) throws IOException {
        Files.setPosixFilePermissions(staging, permissions(0755));
        try (Stream<Path> paths = Files.walk(staging)) {
            long count = paths.count() + 1; // and the marker itself
            Files.writeString(staging.resolve(COMPLETE_MARKER), count + "\n");
        }
    }

    private static void unpack(Platform platform, Path target) throws IOException {
        InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(platform.archiveName());
        if (archive == null) {
            throw new EmbeddedPostgresException(
                    MISSING_ARCHIVE.formatted(platform, platform.archiveName(), platform.artifact(VERSION)));
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                unpackEntry(tar, entry, target);
            }
        }
    }

    private static void unpackEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path target) throws IOException {
        Path path = inside(target, target.resolve(entry.getName()));
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Path link = Path.of(entry.getLinkName());
            inside(target, path.getParent().resolve(link));
            Files.createSymbolicLink(path, link);
            return;
        } else if (entry.isLink()) {
            Files.createLink(path, inside(target, target.resolve(entry.getLinkName())));
            return;
        } else {
            Files.copy(tar, path);
        }
        Files.setPosixFilePermissions(path, permissions(readableByEveryone(entry.getMode())));
    }

    // When Ferry runs as root the server runs as 'nobody', which must read and run these files.
    private static int readableByEveryone(int mode) {
        boolean executable = (mode & 0100) != 0;
        return (mode & 0777) | (executable ? 0555 : 0444);
    }

    private static Path inside(Path root, Path path) {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root)) {
            throw new EmbeddedPostgresException("The PostgreSQL binaries archive has an entry outside its root: " + path);
        }
        return normalized;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int bit = 0; bit < all.length; bit++) {
            if ((mode & (1 << (all.length - 1 - bit))) != 0) {
                permissions.add(all[bit]);
            }
        }
        return permissions;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
