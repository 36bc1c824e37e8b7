package io.ferry.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.problem.Problem;
import io.ferry.problem.ProblemType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules a JSON document from a client (process variables, a merge patch of them) meets, so that
 * it is stored and read back exactly as sent: every key and string is a {@link ClientText#unstorable
 * storable text}, and every number can be kept exactly by jsonb and read back by Jackson. Problems
 * name the place, like {@code variables.customer.name}.
 */
public final class ClientDocument {

    public static final String NUMBER_TOO_LONG = "%s is a number that is %d characters long written out in full, as "
            + "PostgreSQL stores it (jsonb keeps no exponent); Ferry keeps numbers of up to %d characters exactly. "
            + "Send it as a string, or round it.";
    public static final String TOO_DEEP = "%s is nested %d objects or arrays deep; Ferry keeps data nested up to %d "
            + "deep. Flatten the data.";
    public static final String NOT_FINITE = "%s is %s, which is not a JSON number. Send a finite number or a string.";

    private ClientDocument() {
    }

    /** @param root the name the document goes by in the request, like {@code variables} */
    public static Optional<Problem> check(String root, JsonNode document) {
        if (document == null) {
            return Optional.empty();
        }
        List<Object> path = new ArrayList<>();
        path.add(root);
        return check(document, path, 0);
    }

    /** The same, thrown: for request records, whose constructor cannot return a problem. */
    public static void require(String root, JsonNode document) {
        check(root, document).ifPresent(problem -> {
            throw problem.exception();
        });
    }

    private static Optional<Problem> check(JsonNode node, List<Object> path, int depth) {
        if (node.isTextual()) {
            return ClientText.storable(node.textValue()) ? Optional.empty()
                    : ClientText.unstorable(ClientField.body(FieldPath.of(path)), node.textValue());
        }
        if (node.isNumber()) {
            return number(node, path);
        }
        if (node.isContainerNode() && depth + 1 > InputLimits.DATA_DEPTH) {
            return Optional.of(Problem.of(ProblemType.INVALID_REQUEST, TOO_DEEP.formatted(FieldPath.of(path), depth + 1,
                    InputLimits.DATA_DEPTH)).with("field", FieldPath.of(path)).with("limit", InputLimits.DATA_DEPTH));
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                path.add(field.getKey());
                Optional<Problem> problem = ClientText.storable(field.getKey()) ? check(field.getValue(), path, depth + 1)
                        : ClientText.unstorable(ClientField.key(FieldPath.of(path)), field.getKey());
                if (problem.isPresent()) {
                    return problem;
                }
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int index = 0; index < node.size(); index++) {
                path.add(index);
                Optional<Problem> problem = check(node.get(index), path, depth + 1);
                if (problem.isPresent()) {
                    return problem;
                }
                path.remove(path.size() - 1);
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> number(JsonNode number, List<Object> path) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return Optional.of(notKept(path, NOT_FINITE.formatted(FieldPath.of(path), number.doubleValue())));
        }
        // Whole numbers that fit a long, the usual case, are counted without building a BigDecimal.
        long length = number.isInt() || number.isLong() ? Long.toString(number.longValue()).length()
                : writtenLength(number.decimalValue());
        if (length > InputLimits.NUMBER_CHARACTERS) {
            return Optional.of(notKept(path, NUMBER_TOO_LONG.formatted(FieldPath.of(path), length, InputLimits.NUMBER_CHARACTERS))
                    .with("limit", InputLimits.NUMBER_CHARACTERS));
        }
        return Optional.empty();
    }

    /** The length of the number as jsonb prints it: sign, digits, and a point only when there is a fraction. */
    static long writtenLength(BigDecimal value) {
        long sign = value.signum() < 0 ? 1 : 0;
        long fractionDigits = Math.max(0, value.scale());
        long integerDigits = value.signum() == 0 ? 1 : Math.max(1, (long) value.precision() - value.scale());
        return sign + integerDigits + (fractionDigits > 0 ? 1 + fractionDigits : 0);
    }

    private static Problem notKept(List<Object> path, String detail) {
        return Problem.of(ProblemType.NUMBER_NOT_KEPT, detail).with("field", FieldPath.of(path));
    }
}
