package io.ferry.deployment;

import io.ferry.bpmn.HandlerCall;
import io.quarkus.builder.item.SimpleBuildItem;
import java.util.List;

/** The nodes of the checked definitions that call a handler, where their files write them. */
public final class HandlerCallsBuildItem extends SimpleBuildItem {

    private final List<HandlerCall> calls;

    public HandlerCallsBuildItem(List<HandlerCall> calls) {
        this.calls = List.copyOf(calls);
    }

    public List<HandlerCall> calls() {
        return calls;
    }
}
