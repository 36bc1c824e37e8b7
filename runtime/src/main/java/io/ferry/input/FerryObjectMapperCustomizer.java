package io.ferry.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the application's ObjectMapper Ferry's JSON rules. REST reads request bodies with it, and
 * Quarkus' Vert.x JSON codec copies it, so a {@code JsonObject} anywhere keeps decimals exact too
 * (Ferry's own statements pass jsonb as text, through {@link FerryJson#mapper()}).
 */
@Singleton
public class FerryObjectMapperCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        FerryJson.strict(FerryJson.exact(mapper));
    }
}
