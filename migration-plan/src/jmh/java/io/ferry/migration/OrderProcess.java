package io.ferry.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ferry.definition.Node;
import io.ferry.definition.NodeKind;
import io.ferry.definition.ProcessDefinition;
import io.ferry.plan.MigrationPlan;
import io.ferry.plan.VariableChange;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Scope;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An order process as a busy production instance of it looks: version 3 of the definition, the
 * two plans that lead there from version 1, and a version-1 instance with tokens spread over user
 * tasks and joining gateways, in and out of embedded sub-processes.
 */
final class OrderProcess {

    /** Where the tokens of a version-1 instance rest, interleaved so even a few tokens reach every scope. */
    private static final List<Place> PLACES = List.of(
            new Place("approveOrder", null, TokenState.USER_TASK),
            new Place("stockCheck", "s1", TokenState.USER_TASK),
            new Place("oldJoin", null, TokenState.JOINING),
            new Place("reviewFraud", "s2", TokenState.USER_TASK),
            new Place("packing", null, TokenState.USER_TASK),
            new Place("creditCheck", "s3", TokenState.USER_TASK),
            new Place("mergeReviews", null, TokenState.JOINING),
            new Place("checksJoin", "s1", TokenState.JOINING),
            new Place("approveDiscount", null, TokenState.USER_TASK),
            new Place("confirmAddress", null, TokenState.USER_TASK),
            new Place("signOff", null, TokenState.USER_TASK),
            new Place("prepareInvoice", null, TokenState.USER_TASK),
            new Place("scheduleDelivery", null, TokenState.USER_TASK),
            new Place("callCustomer", null, TokenState.USER_TASK),
            new Place("checksJoin", "s3", TokenState.JOINING),
            new Place("stockCheck", "s3", TokenState.USER_TASK));

    private static final String VARIABLES = """
            {
              "orderId": "ORD-2024-000123",
              "customer": {
                "id": "C-88231", "name": "Ada Lovelace", "email": "ada@example.com",
                "address": {"street": "12 Analytical Row", "city": "London", "zip": "NW1 2AB", "country": "GB"}
              },
              "amount": 1249.90,
              "legacyFlag": true,
              "priority": "high",
              "items": [
                {"sku": "KB-104", "quantity": 2, "price": 89.95},
                {"sku": "MON-27Q", "quantity": 1, "price": 429.00},
                {"sku": "DOCK-USB4", "quantity": 3, "price": 213.67}
              ],
              "discount": {"code": "SPRING10", "percent": 10},
              "approvals": {"manager": true, "finance": null},
              "notes": "Deliver to the back entrance; call before arrival.",
              "createdAt": "2024-04-02T09:14:27Z",
              "dueDate": "2024-04-09",
              "channel": "web",
              "paymentMethod": "card",
              "shipping": {"carrier": "DHL", "service": "express", "trackingNumber": null},
              "riskScore": 0.12,
              "tags": ["vip", "b2b"],
              "invoiceNumber": null,
              "warehouse": "DE-FRA-1",
              "express": false,
              "retries": 0
            }
            """;

    private OrderProcess() {
    }

    /** Version 3: 27 nodes, with sub-process fraudReview nested in sub-process checks. */
    static ProcessDefinition target() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(node("start", NodeKind.START_EVENT, null));
        List.of("split", "join").forEach(id -> nodes.add(node(id, NodeKind.PARALLEL_GATEWAY, null)));
        nodes.add(node("mergeReviews", NodeKind.INCLUSIVE_GATEWAY, null));
        nodes.add(node("paymentDecision", NodeKind.EXCLUSIVE_GATEWAY, null));
        List.of("reviewOrder", "approveDiscount", "confirmAddress", "signOff", "prepareInvoice", "scheduleDelivery",
                "callCustomer", "packItems").forEach(id -> nodes.add(node(id, NodeKind.USER_TASK, null)));
        List.of("reserveStock", "chargePayment", "notifyCustomer").forEach(id -> nodes.add(node(id, NodeKind.SERVICE_TASK, null)));
        nodes.add(node("checks", NodeKind.SUB_PROCESS, null));
        nodes.add(node("end", NodeKind.END_EVENT, null));
        nodes.add(node("checksStart", NodeKind.START_EVENT, "checks"));
        List.of("checkInventory", "checkCredit").forEach(id -> nodes.add(node(id, NodeKind.USER_TASK, "checks")));
        nodes.add(node("checksJoin", NodeKind.PARALLEL_GATEWAY, "checks"));
        nodes.add(node("fraudReview", NodeKind.SUB_PROCESS, "checks"));
        nodes.add(node("checksEnd", NodeKind.END_EVENT, "checks"));
        nodes.add(node("fraudStart", NodeKind.START_EVENT, "fraudReview"));
        nodes.add(node("reviewFraud", NodeKind.USER_TASK, "fraudReview"));
        nodes.add(node("fraudEnd", NodeKind.END_EVENT, "fraudReview"));
        return new ProcessDefinition("order", "Order", "3", "order.bpmn", nodes, List.of());
    }

    /** 1→2 renames four nodes and a variable; 2→3 renames one of those again and two more, and tidies variables. */
    static List<MigrationPlan> plans() {
        return List.of(
                MigrationPlan.of("plans/order-1-to-2.yaml", "order", "1", "2",
                        Map.of("approveOrder", "reviewOrder", "oldJoin", "join", "stockCheck", "checkStock",
                                "oldChecks", "checks"),
                        List.of(new VariableChange.Rename("amount", "total"))),
                MigrationPlan.of("plans/order-2-to-3.yaml", "order", "2", "3",
                        Map.of("checkStock", "checkInventory", "packing", "packItems", "creditCheck", "checkCredit"),
                        List.of(new VariableChange.SetDefault("currency", TextNode.valueOf("EUR")),
                                new VariableChange.Remove("legacyFlag"))));
    }

    /** A version-1 instance with this many tokens and three scopes: two of checks, one fraudReview nested in the first. */
    static InstanceState instance(int tokens, ObjectMapper json) {
        List<Token> placed = new ArrayList<>();
        for (int number = 1; number <= tokens; number++) {
            Place place = PLACES.get((number - 1) % PLACES.size());
            placed.add(new Token("t" + number, place.nodeId(), place.scopeId(), place.state()));
        }
        List<Scope> scopes = List.of(new Scope("s1", "oldChecks", null), new Scope("s2", "fraudReview", "s1"),
                new Scope("s3", "oldChecks", null));
        return new InstanceState("order", "1", InstanceStatus.ACTIVE, placed, scopes, variables(json), tokens + scopes.size());
    }

    private static ObjectNode variables(ObjectMapper json) {
        try {
            return (ObjectNode) json.readTree(VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Node node(String id, NodeKind kind, String scopeId) {
        return Node.plain(id, id, kind, scopeId, List.of(), List.of(), null);
    }

    private record Place(String nodeId, String scopeId, TokenState state) {
    }
}
