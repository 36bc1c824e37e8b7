package io.ferry.persistence;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Creates the PostgreSQL pool as Quarkus would, with one change: when prepared statements are cached
 * ({@code quarkus.datasource.reactive.cache-prepared-statements}, which Ferry turns on by default), the
 * cache takes statements of any length. Vert.x caches only statements up to 2,048 characters, and the
 * statements that create and store an instance with its history, jobs, timers and subscriptions are
 * longer: without this, PostgreSQL parses and plans them again on every operation, which the benchmark's
 * ceiling (JDBC, which prepares on the server after a few executions) does not pay. Operators behind a
 * pooler that cannot keep named statements (PgBouncer in transaction mode before 1.21) set the property
 * to false.
 */
@Singleton
public class CachingPoolCreator implements PgPoolCreator {

    /** Longer than any statement Ferry issues; a statement longer than this is still run, only not cached. */
    static final int STATEMENT_LENGTH_LIMIT = 32_768;

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        servers.stream().filter(PgConnectOptions::getCachePreparedStatements)
                .forEach(server -> server.setPreparedStatementCacheSqlLimit(STATEMENT_LENGTH_LIMIT));
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(List.<SqlConnectOptions>copyOf(servers)).using(input.vertx()).build();
    }
}
