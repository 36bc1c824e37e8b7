package io.ferry.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything an instance keeps between two operations: the snapshot the engine loads, advances
 * and stores. Node ids are the only link to the definition, which is what makes migration a lookup.
 *
 * @param processId the BPMN process id
 * @param version the definition version the node ids belong to
 * @param status where the instance is in its life
 * @param tokens tokens at rest, in creation order
 * @param scopes live embedded sub-processes, outermost first
 * @param variables the process data; fields the process does not know are kept as they are
 * @param lastIdNumber the last number used for a token or scope id, so ids are never reused
 */
public record InstanceState(
        String processId,
        String version,
        InstanceStatus status,
        List<Token> tokens,
        List<Scope> scopes,
        ObjectNode variables,
        long lastIdNumber) {

    public InstanceState {
        tokens = List.copyOf(tokens);
        scopes = List.copyOf(scopes);
    }
}
