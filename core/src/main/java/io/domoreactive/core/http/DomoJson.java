package io.domoreactive.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.time.Instant;

/**
 * The one Jackson configuration the SDK uses: unknown fields ignored (Domo's field sets drift),
 * no source excerpts in error locations (a body may hold a secret), {@code Instant}s as ISO-8601.
 * Domo mixes time units per field, so models pick a deserializer per field:
 * {@link EpochMillis}, {@link EpochSeconds}, or plain {@code Instant} for ISO strings.
 */
public final class DomoJson {

    private DomoJson() {
    }

    /** @return a new mapper configured for Domo, its JSON tree deserializer already built (see {@link #prepare}) */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        prepare(mapper, mapper.constructType(JsonNode.class));
        return mapper;
    }

    /**
     * Builds the deserializers for these types now, on the calling thread. Jackson otherwise builds
     * each on first use under a lock, and two event loops decoding the same new type at once would
     * park one of them: a blocking call on a non-blocking thread.
     *
     * @param mapper the mapper that will decode them
     * @param types the types
     */
    public static void prepare(ObjectMapper mapper, JavaType... types) {
        for (JavaType type : types) {
            mapper.readerFor(type);
        }
    }

    /** Reads an epoch-milliseconds number (or numeric string, or ISO string) as an {@code Instant}. */
    public static final class EpochMillis extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt, 1000);
        }
    }

    /** Reads an epoch-seconds number (or numeric string, or ISO string) as an {@code Instant}. */
    public static final class EpochSeconds extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return read(p, ctxt, 1);
        }
    }

    private static Instant read(JsonParser p, DeserializationContext ctxt, long perSecond) throws IOException {
        switch (p.currentToken()) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return fromNumber(p.getLongValue(), perSecond);
            case VALUE_STRING:
                String text = p.getText().trim();
                if (text.isEmpty()) {
                    return null;
                }
                if (text.chars().allMatch(Character::isDigit) && text.length() < 19) {
                    return fromNumber(Long.parseLong(text), perSecond);
                }
                try {
                    return java.time.OffsetDateTime.parse(text).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a timestamp");
                }
            case VALUE_NULL:
                return null;
            default:
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
    }

    private static Instant fromNumber(long value, long perSecond) {
        return perSecond == 1000 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
