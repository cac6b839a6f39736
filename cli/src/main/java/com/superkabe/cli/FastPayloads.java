package com.superkabe.cli;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The replay's most frequent payloads read without the JSON databinding (ADR 0062): sends, failed
 * sends, DSNs, and the two state changes verify compares. Only the one shape the codec writes is
 * read here — an object of the record's own fields, ASCII strings without escapes, plain integers,
 * literal booleans, enum constants by name, absent or null strings, longs and enums — and the
 * record is built through its canonical constructor as the
 * databinding builds it. Anything else (an unknown or repeated field, an escape, a number in
 * another form, a missing number, a value of another kind, text after the object, a constructor
 * that refuses the values) returns null, and the caller hands the bytes to the codec, whose result
 * or error stands. FastPayloadsTest holds both to equal records.
 */
final class FastPayloads {

    private static final int STRING = 0;
    private static final int INT = 1;
    private static final int LONG = 2;
    private static final int BOOLEAN = 3;
    private static final int BOXED_LONG = 4;
    private static final int ENUM = 5;

    private static final Map<Class<?>, Shape> SHAPES = Map.of(
            EmailSent.class, Shape.of(EmailSent.class),
            EmailSendFailed.class, Shape.of(EmailSendFailed.class),
            EmailBounced.class, Shape.of(EmailBounced.class),
            MailboxStateChanged.class, Shape.of(MailboxStateChanged.class),
            DomainStateChanged.class, Shape.of(DomainStateChanged.class));

    private FastPayloads() {
    }

    /** The payload, or null when this reader does not read {@code type} or this text. */
    static SuperkabeEvent decode(byte[] json, Class<?> type) {
        Shape shape = SHAPES.get(type);
        return shape == null || json == null ? null : shape.read(json);
    }

    /** A record type whose components are all strings, ints, longs, booleans, Longs or plain enums. */
    private record Shape(byte[][] names, int[] kinds, Class<?>[] types, MethodHandle constructor) {

        static Shape of(Class<? extends SuperkabeEvent> type) {
            RecordComponent[] components = type.getRecordComponents();
            byte[][] names = new byte[components.length][];
            int[] kinds = new int[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName().getBytes(StandardCharsets.US_ASCII);
                types[i] = components[i].getType();
                kinds[i] = types[i] == String.class ? STRING : types[i] == int.class ? INT
                        : types[i] == long.class ? LONG : types[i] == boolean.class ? BOOLEAN
                        : types[i] == Long.class ? BOXED_LONG : plainEnum(types[i]) ? ENUM : -1;
                if (kinds[i] < 0) {
                    throw new IllegalStateException(type + "." + components[i].getName() + " is not read here");
                }
            }
            try {
                MethodHandle c = MethodHandles.publicLookup().findConstructor(type,
                        MethodType.methodType(void.class, types));
                return new Shape(names, kinds, types, c.asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " has no public canonical constructor", e);
            }
        }

        /** An enum read by constant name: every constant's text is its name, no annotations. */
        private static boolean plainEnum(Class<?> type) {
            if (!type.isEnum() || type.getAnnotations().length > 0) {
                return false;
            }
            for (Object constant : type.getEnumConstants()) {
                Enum<?> e = (Enum<?>) constant;
                try {
                    if (!e.toString().equals(e.name())
                            || type.getField(e.name()).getAnnotations().length > 0) {
                        return false;
                    }
                } catch (NoSuchFieldException ex) {
                    return false;
                }
            }
            for (java.lang.reflect.Method m : type.getDeclaredMethods()) {
                if (m.getAnnotations().length > 0) {
                    return false;
                }
            }
            return true;
        }

        SuperkabeEvent read(byte[] b) {
            Object[] values = new Object[names.length];
            long present = 0;
            int i = skip(b, 0);
            if (i >= b.length || b[i] != '{') {
                return null;
            }
            i = skip(b, i + 1);
            if (i < b.length && b[i] == '}') {
                i++;
            } else {
                while (true) {
                    if (i >= b.length || b[i] != '"') {
                        return null;
                    }
                    int end = plainStringEnd(b, i + 1);
                    if (end < 0) {
                        return null;
                    }
                    int field = field(b, i + 1, end);
                    if (field < 0 || (present & (1L << field)) != 0) {
                        return null;
                    }
                    present |= 1L << field;
                    i = skip(b, end + 1);
                    if (i >= b.length || b[i] != ':') {
                        return null;
                    }
                    i = skip(b, i + 1);
                    i = value(b, i, kinds[field], types[field], values, field);
                    if (i < 0) {
                        return null;
                    }
                    i = skip(b, i);
                    if (i < b.length && b[i] == ',') {
                        i = skip(b, i + 1);
                        continue;
                    }
                    if (i < b.length && b[i] == '}') {
                        i++;
                        break;
                    }
                    return null;
                }
            }
            if (skip(b, i) != b.length) {
                return null;
            }
            for (int f = 0; f < kinds.length; f++) {
                if ((kinds[f] == INT || kinds[f] == LONG || kinds[f] == BOOLEAN) && values[f] == null) {
                    return null;
                }
            }
            try {
                Object built = constructor.invokeExact(values);
                return (SuperkabeEvent) built;
            } catch (Throwable refused) {
                return null;
            }
        }

        private int field(byte[] b, int from, int to) {
            int length = to - from;
            for (int f = 0; f < names.length; f++) {
                byte[] n = names[f];
                if (n.length == length && java.util.Arrays.equals(b, from, to, n, 0, length)) {
                    return f;
                }
            }
            return -1;
        }

        /** Reads one value into {@code values[field]}; the index after it, or -1 for a shape not read here. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int value(byte[] b, int i, int kind, Class<?> type, Object[] values, int field) {
            if (i >= b.length) {
                return -1;
            }
            if ((kind == BOXED_LONG || kind == ENUM) && literal(b, i, "null")) {
                return i + 4;
            }
            switch (kind) {
                case ENUM -> {
                    if (b[i] != '"') {
                        return -1;
                    }
                    int end = plainStringEnd(b, i + 1);
                    if (end < 0) {
                        return -1;
                    }
                    String name = new String(b, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                    for (Object constant : type.getEnumConstants()) {
                        if (((Enum) constant).name().equals(name)) {
                            values[field] = constant;
                            return end + 1;
                        }
                    }
                    return -1;
                }
                case STRING -> {
                    if (b[i] == '"') {
                        int end = plainStringEnd(b, i + 1);
                        if (end < 0) {
                            return -1;
                        }
                        values[field] = new String(b, i + 1, end - i - 1, StandardCharsets.ISO_8859_1);
                        return end + 1;
                    }
                    return literal(b, i, "null") ? i + 4 : -1;
                }
                case BOOLEAN -> {
                    if (literal(b, i, "true")) {
                        values[field] = Boolean.TRUE;
                        return i + 4;
                    }
                    if (literal(b, i, "false")) {
                        values[field] = Boolean.FALSE;
                        return i + 5;
                    }
                    return -1;
                }
                default -> {
                    return number(b, i, kind, values, field);
                }
            }
        }

        private static int number(byte[] b, int i, int kind, Object[] values, int field) {
            boolean negative = b[i] == '-';
            int start = negative ? i + 1 : i;
            int j = start;
            long v = 0;
            while (j < b.length && b[j] >= '0' && b[j] <= '9') {
                v = v * 10 + (b[j] - '0');
                j++;
            }
            int digits = j - start;
            if (digits == 0 || digits > 1 && b[start] == '0') {
                return -1;
            }
            if (j < b.length && (b[j] == '.' || b[j] == 'e' || b[j] == 'E')) {
                return -1;
            }
            if (!delimiter(b, j)) {
                return -1;
            }
            if (digits > 18) {
                // may not fit a long: the exact parse decides
                try {
                    v = Long.parseLong(new String(b, i, j - i, StandardCharsets.ISO_8859_1));
                } catch (NumberFormatException tooLarge) {
                    return -1;
                }
            } else {
                v = negative ? -v : v;
            }
            if (kind == INT) {
                if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    return -1;
                }
                values[field] = (int) v;
            } else {
                values[field] = v;
            }
            return j;
        }

        private static boolean literal(byte[] b, int i, String word) {
            int n = word.length();
            if (i + n > b.length) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                if (b[i + k] != word.charAt(k)) {
                    return false;
                }
            }
            return delimiter(b, i + n);
        }

        private static boolean delimiter(byte[] b, int i) {
            return i >= b.length || b[i] == ',' || b[i] == '}' || b[i] == ' ' || b[i] == '\n' || b[i] == '\r'
                    || b[i] == '\t';
        }

        /** The closing quote of a string of printable ASCII without escapes, or -1. */
        private static int plainStringEnd(byte[] b, int i) {
            for (; i < b.length; i++) {
                byte c = b[i];
                if (c == '"') {
                    return i;
                }
                if (c == '\\' || c < 0x20) {
                    return -1;
                }
            }
            return -1;
        }

        private static int skip(byte[] b, int i) {
            while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
                i++;
            }
            return i;
        }
    }
}
