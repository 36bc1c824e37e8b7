package io.ferry.execution.lifecycle;

import io.ferry.execution.Refusal;
import io.ferry.state.Scope;
import java.util.Optional;

/**
 * An element that holds other elements: the process itself (scope null) and each embedded
 * sub-process (a {@link Scope}); in later versions event sub-processes and multi-instance bodies.
 * The engine tells the container of a child what happened to it.
 */
public interface ContainerProcessor {

    /**
     * A path inside the container ended: a token left an element along no flow (an end event, or an
     * activity without outgoing flows). A container completes once nothing runs in it any more.
     *
     * @param scope the container's scope, or null for the process
     */
    Optional<Refusal> onChildPathEnded(Scope scope, Run run);

    /**
     * A child of the container was terminated and its {@code NodeTerminated} recorded; what the
     * container does about it. The containers of today go on as they were: whatever terminated the
     * child (a boundary event, an error) sends a token on itself.
     */
    default void onChildTerminated(Scope scope, String childNodeId, Termination termination, Run run) {
    }
}
