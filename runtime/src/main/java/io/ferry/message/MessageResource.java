package io.ferry.message;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.api.ClientInput;
import io.ferry.api.ProblemResponses;
import io.ferry.config.FerryConfig;
import io.ferry.input.ClientDocument;
import io.ferry.input.ClientField;
import io.ferry.input.ClientText;
import io.ferry.input.InputLimits;
import io.ferry.operation.Causation;
import io.ferry.operation.Messages;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/messages")
@ClientInput
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages", description = "Messages that wake waiting instances or start new ones")
public class MessageResource {

    static final String BAD_TTL = "timeToLive must be an ISO-8601 duration from PT1S to %s, such as PT1H; got '%s'.";

    /**
     * Body of {@code POST /messages}.
     *
     * @param name the message's name, as the BPMN's {@code <message name>} says
     * @param correlationKey the value the waiting instance's correlation variable holds (absent: only a
     *     message start event matches)
     * @param variables merged into the instance the message reaches
     * @param messageId the sender's id for the message: one that was delivered or buffered before is not again
     * @param timeToLive how long the message may wait for a subscriber (ISO-8601); without it, a message
     *     nobody waits for is 404
     */
    public record MessageRequest(String name, String correlationKey, ObjectNode variables, String messageId,
            String timeToLive) {
        public MessageRequest {
            ClientDocument.require("variables", variables);
            if (name == null || name.isBlank()) {
                throw Problem.of(ProblemType.INVALID_REQUEST, "name is missing: send the message's name, as the BPMN's "
                        + "<message name=\"…\"> says.").with("field", "name").exception();
            }
            ClientText.require(ClientField.body("name"), name, InputLimits.MESSAGE_FIELD);
            if (correlationKey != null) {
                ClientText.require(ClientField.body("correlationKey"), correlationKey, InputLimits.MESSAGE_FIELD);
            }
            if (messageId != null) {
                ClientText.require(ClientField.body("messageId"), messageId, InputLimits.MESSAGE_FIELD);
            }
        }
    }

    /** What became of the message; {@code instanceId} is the instance it reached or started, {@code expiresAt} a buffered one's end. */
    public record MessageResult(Messages.Disposition outcome, String instanceId, String expiresAt) {
    }

    @Inject
    Messages messages;
    @Inject
    FerryConfig config;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a message", description = "Delivered to the oldest instance waiting for it (name and "
            + "correlation key): 200 CORRELATED; else it starts an instance at a message start event: 201 STARTED; else, "
            + "with a timeToLive, it waits for a subscriber: 202 BUFFERED; else 404. A messageId seen before: 200 DUPLICATE.")
    public Uni<RestResponse<MessageResult>> send(MessageRequest request, @HeaderParam("X-Request-Id") String requestId) {
        if (request == null) {
            throw Problem.of(ProblemType.INVALID_REQUEST, "The body must be a message: {\"name\": …, \"correlationKey\": …, "
                    + "\"variables\": {…}}.").exception();
        }
        Messages.Message message = new Messages.Message(request.name(), request.correlationKey(), request.variables() == null
                ? io.ferry.input.FerryJson.mapper().createObjectNode() : request.variables(), request.messageId(),
                timeToLive(request.timeToLive()));
        return messages.publish(message, Causation.of(requestId, null)).map(published -> ProblemResponses.of(published, uri, result -> {
            int status = switch (result.disposition()) {
                case STARTED -> 201;
                case BUFFERED -> 202;
                case CORRELATED, DUPLICATE -> 200;
            };
            return RestResponse.ResponseBuilder.<MessageResult>create(status).entity(new MessageResult(result.disposition(),
                    result.instanceId() == null ? null : result.instanceId().toString(),
                    result.expiresAt() == null ? null : result.expiresAt().toString())).build();
        }));
    }

    private Duration timeToLive(String text) {
        if (text == null) {
            return null;
        }
        Duration max = config.messages().maxTimeToLive();
        try {
            Duration ttl = Duration.parse(text.strip());
            if (ttl.compareTo(Duration.ofSeconds(1)) >= 0 && ttl.compareTo(max) <= 0) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw Problem.of(ProblemType.INVALID_REQUEST, BAD_TTL.formatted(max, text)).with("field", "timeToLive").exception();
    }
}
