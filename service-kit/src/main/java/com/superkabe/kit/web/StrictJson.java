package com.superkabe.kit.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads request JSON: a value of the wrong JSON type is refused rather than
 * coerced (1.5 is not an int, 123 is not a string, "12" is not a number, 3 is not an enum), null is
 * not a primitive, a number out of its type's range is refused, duplicate keys and anything after
 * the value are refused, a property the request record does not declare is refused (Spring Boot
 * ignores it by default; a client's misspelt field would otherwise be dropped without a word), and
 * no string or property name may hold a control character other than TAB, LF and CR, nor a
 * bidirectional control ({@link PlainText}). Jackson names the field of each refusal;
 * {@link ProblemHandler} turns it into a 400 problem. Bodies a service reads as a tree (third-party
 * webhooks such as Clay's, whose extra fields are expected) are not bound to a record and keep
 * their extra fields; {@link #onlyFields} refuses them where a tree body has a fixed shape (ADR 0045).
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A mapper built the strict way, for code that reads bodies itself. */
    public static JsonMapper mapper() {
        return configure(JsonMapper.builder()).build();
    }

    /** Applies the strict reading rules to a builder (the kit does this to Spring's own mapper). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(plainTextModule())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /**
     * For a body read as a tree with a fixed shape: the first property of the object that is not
     * one of {@code fields}, refused as a 400 naming it ({@code prefix} + name). Not an object: nothing
     * to check here (the caller refuses the shape).
     */
    public static void onlyFields(tools.jackson.databind.JsonNode object, String prefix, String... fields) {
        if (object == null || !object.isObject()) {
            return;
        }
        java.util.Set<String> known = java.util.Set.of(fields);
        for (String name : object.propertyNames()) {
            if (!known.contains(name)) {
                String field = prefix + name;
                throw ApiProblem.invalid(field, field + ": is not a field of this request (the fields are "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    /** Strings and map keys without control characters (other than TAB, LF, CR). */
    public static SimpleModule plainTextModule() {
        SimpleModule module = new SimpleModule("superkabe-plain-text");
        module.addDeserializer(String.class, new PlainTextDeserializer());
        module.addKeyDeserializer(String.class, new PlainTextKeyDeserializer());
        return module;
    }

    static final class PlainTextDeserializer extends StdScalarDeserializer<String> {
        PlainTextDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            if (s != null) {
                int i = PlainText.firstControl(s);
                if (i >= 0) {
                    return ctxt.reportInputMismatch(this, PlainText.describe(s, i));
                }
            }
            return s;
        }
    }

    static final class PlainTextKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            int i = PlainText.firstControl(key);
            if (i >= 0) {
                return ctxt.reportInputMismatch(String.class, "property names " + PlainText.describe(key, i));
            }
            return key;
        }
    }
}
