package io.ferry.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A person who opens the server's root in a browser is sent to Swagger UI, where the API is described
 * and can be tried, rather than to a bare 404. A console will take its place.
 */
@ApplicationScoped
public class RootPage {

    @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q")
    String nonApplicationRoot;

    @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "swagger-ui")
    String swaggerUi;

    void install(@Observes Router router) {
        String location = location();
        router.route(HttpMethod.GET, "/").handler(context -> context.redirect(location));
        router.route(HttpMethod.HEAD, "/").handler(context -> context.redirect(location));
    }

    /** Where Quarkus serves Swagger UI: its path, under the non-application root unless the path is absolute. */
    String location() {
        String page = swaggerUi.startsWith("/") ? swaggerUi : "/" + strip(nonApplicationRoot) + "/" + swaggerUi;
        return page.endsWith("/") ? page : page + "/";
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
