package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI document (and so Swagger UI) describes process data as the free JSON it is. */
@QuarkusTest
class ApiDocumentTest {

    @Test
    void variablesAreAnObjectOfAnyValuesNotJacksonsGetters() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.StartInstanceRequest.properties.variables.$ref",
                        equalTo("#/components/schemas/JsonObject"))
                .body("components.schemas.JsonObject.type", equalTo("object"))
                .body("components.schemas.JsonObject.additionalProperties", equalTo(true))
                .body("components.schemas.JsonObject", not(hasKey("properties")))
                .body("components.schemas.HistoryEventView.properties.data.$ref", equalTo("#/components/schemas/AnyJson"))
                .body("components.schemas.AnyJson", not(hasKey("properties")))
                .body("components.schemas.JsonNodeType", nullValue());
    }
}
