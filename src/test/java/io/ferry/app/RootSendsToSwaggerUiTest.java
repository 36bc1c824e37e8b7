package io.ferry.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The server's root sends a person to Swagger UI, where the API is described and can be tried. */
@QuarkusTest
class RootSendsToSwaggerUiTest {

    @Test
    void theRootRedirectsToSwaggerUi() {
        given().redirects().follow(false).get("/")
                .then().statusCode(302).header("Location", endsWith("/q/swagger-ui/"));
    }

    @Test
    void followingItShowsSwaggerUi() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html")).body(containsString("swagger-ui"));
    }

    @Test
    void anyOtherUnknownPathIsStillAProblem() {
        given().get("/nothing-here").then().statusCode(404);
        given().post("/").then().statusCode(404);
    }
}
