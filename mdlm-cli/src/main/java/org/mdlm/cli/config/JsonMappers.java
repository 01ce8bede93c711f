package org.mdlm.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper configuration of mdlm: snake_case keys, strict about unknown keys and types. */
public final class JsonMappers {

    private JsonMappers() {
    }

    /** A mapper that binds config records from snake_case JSON and rejects unknown keys and lossy values. */
    public static ObjectMapper create() {
        return JsonMapper.builder()
                .propertyNamingStrategy(new SnakeCaseKeys())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
