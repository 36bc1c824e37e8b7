package io.ferry.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Numbers in conditions are exact decimals, so {@code 0.1 + 0.2 == 0.3} and {@code 1 == 1.0} hold,
 * as they do on paper. Variables arrive as BigDecimal; literals JEXL parsed to another Number type
 * are brought back to the decimal they were written as.
 */
final class ExactNumbers {

    /**
     * Division is the one operation whose exact result may never end (1 / 3): it is rounded to 34
     * significant digits, half-even (IEEE 754 decimal128). Adding, subtracting, multiplying and the
     * remainder are exact.
     */
    static final MathContext DIVISION = MathContext.DECIMAL128;

    private ExactNumbers() {
    }

    static boolean isFinite(Number number) {
        return !(number instanceof Double || number instanceof Float) || Double.isFinite(number.doubleValue());
    }

    /** @throws ConditionTypeError for NaN and infinities, which no decimal holds */
    static BigDecimal of(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (!isFinite(number)) {
            throw new ConditionTypeError(number + " is not a number a condition can use");
        }
        // A literal like 0.1 reaches us as the nearest double; its shortest decimal form is the literal again.
        if (number instanceof Float single) {
            return new BigDecimal(Float.toString(single));
        }
        if (number instanceof Double) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return new BigDecimal(number.toString());
    }
}
