package io.ferry.deployment.tool;

import org.eclipse.microprofile.config.ConfigProvider;

/** The running test application's database, as ferry-plan is pointed at it. */
final class Datasource {

    private Datasource() {
    }

    static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    static String user() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    }

    static String password() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class);
    }
}
