package io.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.input.FerryJson;
import io.ferry.problem.ProblemException;
import io.ferry.state.InstanceState;
import io.ferry.state.InstanceStatus;
import io.ferry.state.Job;
import io.ferry.state.Scope;
import io.ferry.state.Subscription;
import io.ferry.state.Timer;
import io.ferry.state.Token;
import io.ferry.state.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Snapshots carry their format, so a Ferry reads what it can and refuses what a newer one wrote. */
class JsonInstanceMarshallerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("6f1c2b0e-0000-4000-8000-000000000001");

    private final JsonInstanceMarshaller marshaller = new JsonInstanceMarshaller();

    private static InstanceState state() {
        return new InstanceState("order", "2", InstanceStatus.ACTIVE,
                List.of(new Token("t2", "approveOrder", null, TokenState.USER_TASK)), List.of(),
                JsonNodeFactory.instance.objectNode().put("amount", 12), 2);
    }

    private static InstanceRecord stored(String snapshot) throws Exception {
        InstanceRecord record = new InstanceRecord();
        record.id = ID;
        record.processId = "order";
        record.state = JSON.readTree(snapshot);
        return record;
    }

    @Test
    void writesItsFormatFirstAndReadsItBack() throws Exception {
        JsonNode snapshot = marshaller.marshal(state());
        assertThat(snapshot.fieldNames().next()).isEqualTo("snapshotFormat");
        assertThat(snapshot.get("snapshotFormat").intValue()).isEqualTo(JsonInstanceMarshaller.FORMAT);

        InstanceRecord record = stored(snapshot.toString());
        assertThat(marshaller.unmarshal(record).state()).isEqualTo(state());
    }

    /**
     * Older pods read snapshots strictly, so any new field is one they cannot read: whoever adds one
     * must raise the format, and this test makes them look.
     */
    @Test
    void theFieldsOfFormat5AreFixed() {
        InstanceState state = new InstanceState("order", "2", InstanceStatus.ACTIVE,
                List.of(new Token("t3", "chargePayment", "s2", TokenState.JOB,
                        List.of(new Timer("timer4", "remind", Instant.parse("2027-01-04T08:00:00Z"), Instant.parse("2027-01-04T09:00:00Z"), 1)),
                        new Job(2, 1, Instant.parse("2027-01-04T08:30:00Z"), "timeout", false),
                        List.of(new Subscription("sub5", "cancelled", "CancelRequested", "o-17")))),
                List.of(new Scope("s2", "shipping", null, "t1")),
                JsonNodeFactory.instance.objectNode(), 3);
        JsonNode snapshot = marshaller.marshal(state);
        List<String> fields = new ArrayList<>();
        snapshot.fieldNames().forEachRemaining(fields::add);
        snapshot.get("tokens").get(0).fieldNames().forEachRemaining(name -> fields.add("tokens[]." + name));
        snapshot.get("tokens").get(0).get("timers").get(0).fieldNames()
                .forEachRemaining(name -> fields.add("tokens[].timers[]." + name));
        snapshot.get("tokens").get(0).get("job").fieldNames().forEachRemaining(name -> fields.add("tokens[].job." + name));
        snapshot.get("tokens").get(0).get("subscriptions").get(0).fieldNames()
                .forEachRemaining(name -> fields.add("tokens[].subscriptions[]." + name));
        snapshot.get("scopes").get(0).fieldNames().forEachRemaining(name -> fields.add("scopes[]." + name));

        assertThat(JsonInstanceMarshaller.FORMAT)
                .as("the snapshot's fields changed to %s: raise JsonInstanceMarshaller.FORMAT and pin its fields here", fields)
                .isEqualTo(5);
        assertThat(fields)
                .as("the snapshot's fields changed: raise JsonInstanceMarshaller.FORMAT and pin its fields here")
                .containsExactly("snapshotFormat", "processId", "version", "status", "tokens", "scopes", "variables",
                        "lastIdNumber", "tokens[].id", "tokens[].nodeId", "tokens[].scopeId", "tokens[].state",
                        "tokens[].timers", "tokens[].job", "tokens[].subscriptions", "tokens[].timers[].id", "tokens[].timers[].nodeId", "tokens[].timers[].armedAt", "tokens[].timers[].dueAt",
                        "tokens[].timers[].fired", "tokens[].job.attempts", "tokens[].job.extraAttempts",
                        "tokens[].job.dueAt", "tokens[].job.lastError", "tokens[].job.incident", "tokens[].subscriptions[].id",
                        "tokens[].subscriptions[].nodeId", "tokens[].subscriptions[].messageName",
                        "tokens[].subscriptions[].correlationKey", "scopes[].id", "scopes[].nodeId",
                        "scopes[].parentScopeId", "scopes[].tokenId");
        assertThat(snapshot.get("tokens").get(0).get("state").textValue()).isEqualTo("JOB");
        assertThat(snapshot.get("tokens").get(0).get("timers").get(0).get("dueAt").textValue()).isEqualTo("2027-01-04T09:00:00Z");
    }

    /** Format 1 called a user task's token WAITING; a Ferry of format 2 reads it as a user task. */
    @Test
    void readsFormat1TokensAsUserTasks() throws Exception {
        InstanceRecord record = stored("""
                {"snapshotFormat": 1, "processId": "order", "version": "2", "status": "ACTIVE",
                 "tokens": [{"id": "t2", "nodeId": "approveOrder", "scopeId": null, "state": "WAITING"}],
                 "scopes": [], "variables": {"amount": 12}, "lastIdNumber": 2}""");
        assertThat(marshaller.unmarshal(record).state()).isEqualTo(state());
    }

    /**
     * The marshaller builds the snapshot by hand, for speed: it must be exactly what Jackson makes of the
     * state's records, so a component added to a record fails here instead of being silently not stored.
     */
    @Test
    void theSnapshotIsWhatJacksonMakesOfTheState() throws Exception {
        ObjectMapper ferry = FerryJson.mapper();
        ObjectNode variables = (ObjectNode) ferry.readTree("{\"amount\": 120.50, \"customer\": {\"name\": \"Ada\", "
                + "\"tags\": [1, null, true, 1e2]}, \"big\": 123456789012345678901}");
        List<InstanceState> states = List.of(state(),
                new InstanceState("order", "2", InstanceStatus.ACTIVE,
                        List.of(new Token("t3", "packParcels", "s2", TokenState.USER_TASK, List.of(
                                        new Timer("timer6", "remind", Instant.parse("2027-01-04T08:00:00Z"),
                                                Instant.parse("2027-01-04T09:00:00.250Z"), 2))),
                                new Token("t4", "ready", null, TokenState.JOINING),
                                new Token("t5", "chargePayment", null, TokenState.JOB, List.of(),
                                        new Job(0, 0, Instant.parse("2027-01-04T08:00:00Z"), null, false)),
                                new Token("t6", "notify", null, TokenState.JOB, List.of(),
                                        new Job(3, 0, null, "mail server down", true)),
                                new Token("t9", "waitForPayment", null, TokenState.MESSAGE, List.of(), null,
                                        List.of(new Subscription("sub10", "waitForPayment", "PaymentReceived", "42"))),
                                new Token("t7", "coolingOff", null, TokenState.TIMER, List.of(
                                        new Timer("timer8", "coolingOff", Instant.parse("2027-01-04T08:00:00Z"),
                                                Instant.parse("2027-01-05T08:00:00Z"), 0)))),
                        List.of(new Scope("s2", "shipping", null), new Scope("s5", "inner", "s2")), variables, 5),
                new InstanceState("order", "1", InstanceStatus.CANCELLED, List.of(), List.of(), ferry.createObjectNode(), 0));
        for (InstanceState state : states) {
            ObjectNode jacksons = ferry.createObjectNode().put(JsonInstanceMarshaller.FORMAT_FIELD, JsonInstanceMarshaller.FORMAT);
            jacksons.setAll((ObjectNode) ferry.valueToTree(state));

            assertThat(ferry.writeValueAsString(marshaller.marshal(state))).isEqualTo(ferry.writeValueAsString(jacksons));
        }
    }

    @Test
    void readsASnapshotWrittenBeforeFormatsWereNumbered() throws Exception {
        String withoutFormat = JSON.writeValueAsString(state());

        assertThat(marshaller.unmarshal(stored(withoutFormat)).state()).isEqualTo(state());
    }

    @Test
    void refusesASnapshotOfANewerFormatWith409() throws Exception {
        String newer = """
                {"snapshotFormat": 6, "processId": "order", "version": "2", "status": "ACTIVE", "tokens": [],
                 "scopes": [], "variables": {}, "lastIdNumber": 2, "timers": [{"nodeId": "slaExpired"}]}""";

        assertThatThrownBy(() -> marshaller.unmarshal(stored(newer)))
                .isInstanceOfSatisfying(JsonInstanceMarshaller.NewerSnapshotFormat.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(409);
                    assertThat(refused.problem().detail()).isEqualTo("Instance " + ID + " (process 'order') was stored by "
                            + "a newer Ferry, in snapshot format 6; this deployment reads formats up to 5: a newer "
                            + "deployment owns it. Send the request to a pod of the newer deployment; this one never "
                            + "rewrites or downgrades it.");
                });
    }

    @Test
    void aFieldItDoesNotKnowInItsOwnFormatIsAnErrorNotDropped() throws Exception {
        String unknownField = """
                {"snapshotFormat": 1, "processId": "order", "version": "2", "status": "ACTIVE", "tokens": [],
                 "scopes": [], "variables": {}, "lastIdNumber": 2, "timers": []}""";

        assertThatThrownBy(() -> marshaller.unmarshal(stored(unknownField)))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ProblemException.class)
                .hasMessageStartingWith("Instance " + ID + " has a snapshot Ferry cannot read: Unrecognized field \"timers\"");
    }

    @Test
    void aFormatThatIsNoNumberCannotBeRead() throws Exception {
        String garbled = """
                {"snapshotFormat": "two", "processId": "order", "version": "2", "status": "ACTIVE", "tokens": [],
                 "scopes": [], "variables": {}, "lastIdNumber": 2}""";

        assertThatThrownBy(() -> marshaller.unmarshal(stored(garbled)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Instance " + ID + " has a snapshot Ferry cannot read: its snapshotFormat is \"two\", not a format number");
    }
}
