package io.ferry.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.ferry.input.FieldPath;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemException;
import io.ferry.problem.ProblemType;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as RFC 9457 problem+json. Input a client can send never yields a 500; a 500
 * means a bug, and is logged with its stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception, UriInfo uri) {
        return respond(exception.problem(), uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(JsonProcessingException exception, UriInfo uri) {
        // A request record refuses what Ferry cannot store from its constructor; Jackson wraps that problem.
        for (Throwable cause = exception.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return respond(problem.problem(), uri);
            }
        }
        return respond(Problem.of(ProblemType.INVALID_REQUEST, describe(exception)), uri);
    }

    /** Wrong types and unknown fields; Quarkus has a mapper for this exact type, so Ferry names it too. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException exception, UriInfo uri) {
        return badJson(exception, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException exception, UriInfo uri) {
        int status = exception.getResponse().getStatus();
        if (exception.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = exception.getMessage();
        if (exception instanceof NotAllowedException notAllowed) {
            detail = "This path does not accept that method; allowed: " + notAllowed.getResponse().getAllowedMethods() + ".";
        } else if (exception instanceof NotSupportedException) {
            detail = "Send the body as application/json.";
        }
        Problem problem = Problem.of(type, detail);
        return respond(new Problem(problem.type(), problem.title(), status, detail, null, problem.extensions()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, UriInfo uri) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return respond(problem.problem(), uri);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        LOG.error("Unexpected failure serving " + uri.getPath(), failure);
        return respond(Problem.of(ProblemType.INTERNAL,
                "Ferry failed unexpectedly; the server log has the details. Nothing of this request was applied."), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return ProblemResponses.response(problem, uri);
    }

    /** Names where in the body the problem is: {@code at 'variables.customer.name' (line 1, column 9): ...}. */
    private static String describe(JsonProcessingException exception) {
        List<Object> path = new ArrayList<>();
        if (exception instanceof JsonMappingException mapping) {
            mapping.getPath().forEach(reference -> path.add(
                    reference.getFieldName() != null ? reference.getFieldName() : (Object) reference.getIndex()));
        }
        List<Object> parsed = parserPath(exception);
        String where = path.isEmpty() && parsed.isEmpty() ? ""
                : " at '" + FieldPath.of(parsed.size() > path.size() ? parsed : path) + "'";
        String location = exception.getLocation() == null ? ""
                : " (line " + exception.getLocation().getLineNr() + ", column " + exception.getLocation().getColumnNr() + ")";
        return "The request body is not valid" + where + location + ": " + exception.getOriginalMessage();
    }

    // Inside a JSON tree (the variables) only the parser knows the path: databind's ends at the tree's field.
    private static List<Object> parserPath(JsonProcessingException exception) {
        List<Object> path = new ArrayList<>();
        for (Throwable cause = exception; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json && json.getProcessor() instanceof JsonParser parser) {
                for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                        context = context.getParent()) {
                    if (context.inArray()) {
                        path.add(0, Math.max(0, context.getCurrentIndex()));
                    } else if (context.getCurrentName() != null) {
                        path.add(0, context.getCurrentName());
                    }
                }
                return path;
            }
        }
        return path;
    }
}
