package io.ferry.input;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/**
 * Hibernate's mapper for Ferry's jsonb columns (snapshots, history data): Ferry's exact JSON rules, so a
 * stored number is read back with the decimal value it was written with.
 */
@JsonFormat
@PersistenceUnitExtension
public class JsonbFormatMapper implements FormatMapper {

    private final FormatMapper jackson = new JacksonJsonFormatMapper(FerryJson.mapper());

    @Override
    public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
        return jackson.fromString(json, type, options);
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        return jackson.toString(value, type, options);
    }
}
