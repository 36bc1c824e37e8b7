package io.ferry.bpmn;

import io.ferry.definition.NodeDetails;
import io.ferry.definition.NodeKind;
import io.ferry.source.SourcePosition;

/** A flow node as read from the XML, before the process-wide checks; {@code position} is for problems. */
record ParsedNode(String id, String name, NodeKind kind, String scopeId, String defaultFlowId, NodeDetails details,
        SourcePosition position) {
}
