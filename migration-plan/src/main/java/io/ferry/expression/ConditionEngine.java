package io.ferry.expression;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlOptions;
import org.apache.commons.jexl3.internal.Engine;
import org.apache.commons.jexl3.internal.Frame;
import org.apache.commons.jexl3.internal.Interpreter;
import org.apache.commons.jexl3.parser.ASTIdentifier;
import org.apache.commons.jexl3.parser.ASTTernaryNode;
import org.apache.commons.jexl3.parser.JexlNode;

/**
 * JEXL, with one decision taken back from its interpreter: the condition of {@code a ? b : c}
 * (and of {@code a ?: b}) must be a boolean. JEXL reads a null condition as false itself,
 * without asking the arithmetic, so an unset or null {@code approved} would quietly take the
 * other branch. This uses JEXL's internal interpreter API, so ConditionTest pins the behaviour
 * for the next JEXL upgrade.
 */
final class ConditionEngine extends Engine {

    ConditionEngine(JexlBuilder builder) {
        super(builder);
    }

    @Override
    protected Interpreter createInterpreter(JexlContext context, Frame frame, JexlOptions options) {
        return new BooleanTernaryInterpreter(this, options, context, frame);
    }

    private static final class BooleanTernaryInterpreter extends Interpreter {

        BooleanTernaryInterpreter(Engine engine, JexlOptions options, JexlContext context, Frame frame) {
            super(engine, options, context, frame);
        }

        @Override
        protected Object visit(ASTTernaryNode node, Object data) {
            JexlNode test = node.jjtGetChild(0);
            Object condition = test.jjtAccept(this, data);
            if (condition == null && test instanceof ASTIdentifier variable && !context.has(variable.getName())) {
                throw new JexlException.Variable(variable, variable.getName(), true);
            }
            boolean holds;
            try {
                holds = ConditionArithmetic.truth(ConditionArithmetic.TERNARY, condition);
            } catch (ConditionTypeError e) {
                throw new JexlException(test, "?: error", e);
            }
            if (node.jjtGetNumChildren() == 3) {
                return node.jjtGetChild(holds ? 1 : 2).jjtAccept(this, data);
            }
            return holds ? condition : node.jjtGetChild(1).jjtAccept(this, data);
        }
    }
}
