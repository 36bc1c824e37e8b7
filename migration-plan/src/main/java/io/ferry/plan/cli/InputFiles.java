package io.ferry.plan.cli;

import io.ferry.release.PlanFilesCheck;
import io.ferry.release.ProcessFilesCheck;
import io.ferry.release.ReleaseFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files named on the command line: files as they are, folders searched for the file kind's
 * names. Each file is named in messages by the path it was found under, as the analyst typed it.
 */
final class InputFiles {

    static final String NO_SUCH_PATH = "%s: no such file or folder";
    static final String CANNOT_READ = "%s: cannot read it (%s)";
    static final String NO_PLAN_FILES = "no plan files (.yaml, .yml, .json, .mpf) in %s";
    static final String NO_BPMN_FILES = "no BPMN files (.bpmn, .bpmn2, .bpmn20.xml) in %s";

    private InputFiles() {
    }

    /** The plan files among the paths; a folder without any is not an error (a release may have no plans). */
    static List<ReleaseFile> plans(List<Path> paths) {
        return read(paths, PlanFilesCheck.PLAN_SUFFIXES);
    }

    /** The BPMN files among the paths; there must be at least one. */
    static List<ReleaseFile> bpmn(List<Path> paths) {
        List<ReleaseFile> files = read(paths, ProcessFilesCheck.BPMN_SUFFIXES);
        if (files.isEmpty()) {
            throw CommandFailure.usage(NO_BPMN_FILES.formatted(names(paths)));
        }
        return files;
    }

    static String names(List<Path> paths) {
        return String.join(", ", paths.stream().map(Path::toString).toList());
    }

    private static List<ReleaseFile> read(List<Path> paths, List<String> suffixes) {
        List<ReleaseFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : list(path, suffixes)) {
                    files.add(new ReleaseFile(file.toString(), bytes(file)));
                }
            } else {
                files.add(new ReleaseFile(path.toString(), bytes(path)));
            }
        }
        return files;
    }

    private static List<Path> list(Path folder, List<String> suffixes) {
        try (Stream<Path> found = Files.walk(folder)) {
            return found.filter(Files::isRegularFile).filter(file -> hasSuffix(file, suffixes)).sorted().toList();
        } catch (IOException e) {
            throw CommandFailure.usage(CANNOT_READ.formatted(folder, reason(e)));
        }
    }

    static boolean hasSuffix(Path file, List<String> suffixes) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return suffixes.stream().anyMatch(name::endsWith);
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CommandFailure.usage(NO_SUCH_PATH.formatted(file));
        } catch (IOException e) {
            throw CommandFailure.usage(CANNOT_READ.formatted(file, reason(e)));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
