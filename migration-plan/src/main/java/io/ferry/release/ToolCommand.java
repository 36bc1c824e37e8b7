package io.ferry.release;

import java.util.List;

/**
 * The analysts' tool as a message tells a person to run it: whole commands, required options
 * included, that can be pasted as they are. The tool is not on the PATH; the README runs it
 * through its launcher from the repository's root.
 */
public final class ToolCommand {

    /** The launcher, as the README runs it from the repository's root. */
    public static final String LAUNCHER = "migration-plan/ferry-plan";
    /** Set by the launcher to the path it was started by, so the tool's hints repeat what the person typed. */
    public static final String LAUNCHER_PROPERTY = "ferry-plan.launcher";
    /** Where {@code lock} looks for the lock file unless told otherwise. */
    public static final String DEFAULT_LOCK_FILE = "plans/" + DefinitionLock.FILE_NAME;

    private ToolCommand() {
    }

    /** How this JVM was started: the launcher's path when it says so, else the README's. */
    public static String launcher() {
        String launcher = System.getProperty(LAUNCHER_PROPERTY, "");
        return launcher.isBlank() ? LAUNCHER : launcher;
    }

    /** {@code migration-plan/ferry-plan validate PLANS --definitions BPMN…}: the build's checks in a second. */
    public static String validate(String plans, List<String> definitions) {
        return launcher() + " validate " + plans + " --definitions " + String.join(" ", definitions);
    }

    /** {@code preview} of these plans and definitions against the engine's embedded PostgreSQL, found by its data folder. */
    public static String previewEmbedded(String plans, List<String> definitions, String dataFolder) {
        return launcher() + " preview " + plans + " --definitions " + String.join(" ", definitions) + " --data " + dataFolder;
    }

    /**
     * {@code lock} for these definitions, naming the lock file unless it is the default.
     *
     * @param option {@code --force}, {@code --check}, or empty
     */
    public static String lock(String option, List<String> definitions, String lockFile) {
        return launcher() + " lock" + (option.isEmpty() ? "" : " " + option) + " --definitions " + String.join(" ", definitions)
                + (lockFile.equals(DEFAULT_LOCK_FILE) ? "" : " --lock-file " + lockFile);
    }
}
