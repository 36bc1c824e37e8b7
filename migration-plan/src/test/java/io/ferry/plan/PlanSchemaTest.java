package io.ferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema shipped for editors agrees with the reader on the example plans. */
class PlanSchemaTest {

    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream schema = PlanSchemaTest.class.getResourceAsStream("/io/ferry/plan/migration-plan.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String example(String name) throws IOException {
        try (InputStream in = PlanSchemaTest.class.getResourceAsStream("/io/ferry/plan/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<ValidationMessage> validate(String content) throws IOException {
        JsonNode plan = new YAMLMapper().readTree(content);
        return SCHEMA.validate(plan);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-1-to-2.yaml", "order-2-to-3.json", "order-3-to-4.yml"})
    void examplePlansMatchTheSchemaAndRead(String name) throws IOException {
        String content = example(name);

        assertThat(validate(content)).isEmpty();
        assertThat(PlanReader.read("plans/" + name, content)).isInstanceOf(PlanReadResult.Read.class);
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() throws IOException {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        try (InputStream schema = PlanSchemaTest.class.getResourceAsStream("/io/ferry/plan/migration-plan.schema.json")) {
            assertThat(metaSchema.validate(new ObjectMapper().readTree(schema))).isEmpty();
        }
    }

    @Test
    void aBadPlanDoesNotMatchTheSchema() throws IOException {
        Set<ValidationMessage> errors = validate("""
                process: ""
                from: 1
                nodez: {approveOrder: reviewOrder}
                variables:
                  remove: legacyFlag
                """);

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).extracting(Object::toString)
                .contains("$.process", "$.variables.remove");
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(message -> message.contains("to"))
                .anyMatch(message -> message.contains("nodez"));
    }
}
