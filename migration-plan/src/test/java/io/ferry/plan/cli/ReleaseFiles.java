package io.ferry.plan.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small release (BPMN and plans) into a folder, as an analyst's checkout holds it. */
final class ReleaseFiles {

    private ReleaseFiles() {
    }

    /** A BPMN file with one process: a user task per id given, one after the other, ending at an end event. */
    static String process(String id, String version, String... userTasks) {
        return definitions(processElement(id, version, userTasks));
    }

    /** A BPMN file holding the process elements given, in that order. */
    static String definitions(String... processElements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:ferry="https://ferry.io/schema/1.0/bpmn" targetNamespace="test">
                %s</definitions>
                """.formatted(String.join("", processElements));
    }

    /** The {@code <process>} element of {@link #process}, for a file that holds several. */
    static String processElement(String id, String version, String... userTasks) {
        StringBuilder nodes = new StringBuilder("    <startEvent id=\"start\" name=\"Start\"/>\n");
        String previous = "start";
        for (String task : userTasks) {
            nodes.append("    <sequenceFlow id=\"to_").append(task).append("\" sourceRef=\"").append(previous)
                    .append("\" targetRef=\"").append(task).append("\"/>\n");
            nodes.append("    <userTask id=\"").append(task).append("\" name=\"").append(words(task)).append("\"/>\n");
            previous = task;
        }
        nodes.append("    <sequenceFlow id=\"to_end\" sourceRef=\"").append(previous).append("\" targetRef=\"end\"/>\n");
        nodes.append("    <endEvent id=\"end\"/>\n");
        return """
                  <process id="%s" name="%s" isExecutable="true" ferry:version="%s">
                %s  </process>
                """.formatted(id, words(id), version, nodes);
    }

    /** "reviewOrder" is shown as "Review order". */
    static String words(String id) {
        String spaced = id.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static Path write(Path folder, String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
