package io.ferry.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules conditions follow: no coercion between JSON kinds, exact numbers, only booleans are true or false. */
class ConditionTest {

    // As the application reads request bodies: decimals stay exact.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest(name = "approved = {0}")
    @ValueSource(strings = {"\"no\"", "\"False\"", "\"0\"", "\"true\"", "1", "0", "[false]", "[true]", "{\"approved\":false}", "false", "null"})
    void equalityAcrossKindsIsFalseAndInequalityTrue(String approved) {
        JsonNode variables = variables("{\"approved\": " + approved + "}");

        assertThat(Condition.compile("${approved == true}").isMetBy(variables)).isFalse();
        assertThat(Condition.compile("${approved != true}").isMetBy(variables)).isTrue();
    }

    @Test
    void onlyTheBooleanTrueEqualsTrue() {
        assertThat(Condition.compile("${approved == true}").isMetBy(variables("{\"approved\": true}"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
            "amount == 1 -> true",
            "amount == 1.0 -> true",
            "amount === 1 -> true",
            "amount == '1' -> false",
            "0.1 + 0.2 == 0.3 -> true",
            "price + 0.2 == 0.3 -> true",
            "price * 3 == 0.3 -> true",
            "10 / 4 == 2.5 -> true",
            "big - 0.25 == 12345678901234567890 -> true",
            "big > 12345678901234567890 -> true",
            "items == [1, 2] -> true",
            "items == [2, 1] -> false",
            "customer == {'tier': 'gold'} -> true",
            "customer.tier == 'gold' && amount < 2 -> true",
            "nothing == null -> true",
            "nothing != null -> false",
            "customer.phone == null -> true",
            "amount =~ [1, 2] -> true",
            "'1' =~ [1, 2] -> false",
            "name < 'Bob' -> true"})
    void comparesByKindAndExactValue(String condition, boolean expected) {
        JsonNode variables = variables("{\"amount\": 1, \"price\": 0.1, \"big\": 12345678901234567890.25, \"items\": [1, 2],"
                + " \"customer\": {\"tier\": \"gold\"}, \"nothing\": null, \"name\": \"Ann\"}");

        assertThat(Condition.compile(condition).isMetBy(variables)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " -> ", quoteCharacter = '`', value = {
            "amount > '1' -> '>' compares two numbers or two strings, not the number 5 and the string \"1\"",
            "approved >= false -> '>=' compares two numbers or two strings, not the boolean true and the boolean false",
            "items < [3] -> '<' compares two numbers or two strings, not the array [1,2] and the array [3]",
            "nothing <= 1 -> '<=' compares two numbers or two strings, not null and the number 1",
            "amount + '1' == '51' -> '+' adds two numbers or joins two strings, not the number 5 and the string \"1\"",
            "amount * true > 1 -> '*' needs two numbers, not the number 5 and the boolean true",
            "amount / 0 > 1 -> '/' cannot divide 5 by zero",
            "-name == 1 -> '-' needs a number, not the string \"Ann\"",
            "name && approved -> '&&' and '||' take only true or false, not the string \"Ann\"",
            "!approved || amount -> '&&' and '||' take only true or false, not the number 5",
            "!name -> '!' takes only true or false, not the string \"Ann\"",
            "!nothing -> '!' takes only true or false, not null",
            "name ? true : false -> the condition before '?' takes only true or false, not the string \"Ann\"",
            "nothing ? true : false -> the condition before '?' takes only true or false, not null",
            "customer.tier ?: false -> the condition before '?' takes only true or false, not the string \"gold\"",
            "missing ? true : false -> variable 'missing' is not set",
            "missing == 1 -> variable 'missing' is not set",
            "amount -> it gave the number 5, not true or false",
            "name -> it gave the string \"Ann\", not true or false",
            "nothing -> it gave null, not true or false"})
    void failsRatherThanCoerce(String condition, String reason) {
        JsonNode variables = variables("{\"amount\": 5, \"approved\": true, \"items\": [1, 2], \"name\": \"Ann\","
                + " \"nothing\": null, \"customer\": {\"tier\": \"gold\"}}");

        assertThatThrownBy(() -> Condition.compile(condition).isMetBy(variables))
                .isInstanceOfSatisfying(ConditionFailedException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(reason);
                    assertThat(failure.condition()).isEqualTo(condition);
                });
    }

    @Test
    void booleansCombineAsUsual() {
        JsonNode variables = variables("{\"approved\": true, \"vip\": false}");

        assertThat(Condition.compile("approved && !vip").isMetBy(variables)).isTrue();
        assertThat(Condition.compile("vip || approved").isMetBy(variables)).isTrue();
        assertThat(Condition.compile("vip ? false : approved").isMetBy(variables)).isTrue();
        assertThat(Condition.compile("vip ?: approved").isMetBy(variables)).isTrue();
    }

    @Test
    void divisionRoundsTo34SignificantDigits() {
        JsonNode variables = variables("{\"third\": 0.3333333333333333333333333333333333}");

        assertThat(Condition.compile("1 / 3 == third").isMetBy(variables)).isTrue();
    }

    @Test
    void decimalLiteralsOfUpTo15SignificantDigitsAreExact() {
        JsonNode variables = variables("{\"rate\": 0.123456789012345, \"amount\": 1234567890.12345}");

        assertThat(Condition.compile("rate == 0.123456789012345 && amount == 1234567890.12345").isMetBy(variables)).isTrue();
        assertThat(Condition.compile("amount - 0.00001 == 1234567890.12344").isMetBy(variables)).isTrue();
    }

    @Test
    void saysWhatTheVariablesItReadsHold() {
        JsonNode variables = variables("{\"approved\": \"no\", \"customer\": {\"tier\": null}, \"items\": [1]}");

        assertThat(Condition.compile("approved == true || customer.tier == 'gold' || customer.phone == '1' || items[0] == 2")
                .valuesIn(variables))
                .isEqualTo("approved is the string \"no\", customer.phone is not set, customer.tier is null, items[0] is the number 1");
        assertThat(Condition.compile("1 == 2").valuesIn(variables)).isEmpty();
    }

    private static JsonNode variables(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
