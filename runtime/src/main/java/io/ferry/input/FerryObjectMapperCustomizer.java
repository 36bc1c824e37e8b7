package io.ferry.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the application's ObjectMapper Ferry's JSON rules. REST reads request bodies with it, and
 * Quarkus' Vert.x JSON codec copies it: Hibernate Reactive passes every jsonb value to and from
 * PostgreSQL as a Vert.x {@code JsonObject}, so that codec must keep decimals exact too.
 */
@Singleton
public class FerryObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        FerryJson.strict(FerryJson.exact(mapper));
    }
}
