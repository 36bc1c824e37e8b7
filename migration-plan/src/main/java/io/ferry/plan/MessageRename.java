package io.ferry.plan;

/** A message name a plan renamed ({@code messages: {oldName: newName}}), and the name the later version waits for. */
public record MessageRename(String oldName, String newName) {
}
