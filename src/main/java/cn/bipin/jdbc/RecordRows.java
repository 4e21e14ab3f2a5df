package cn.bipin.jdbc;

import cn.bipin.jdbc.RecordRows;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps each row to a record by matching its components to the result's columns ({@code unit_code} or
 * {@code unitCode} → {@code unitCode}), once per result set, from the result's metadata.
 *
 * <p>Why not {@code JdbcClient.query(RecordRows.of(Record.class))}: Spring's {@code SimplePropertyRowMapper} looks each component up
 * with {@code findColumn(camelCaseName)} first and catches the {@code SQLException} before trying
 * {@code snake_case}, once per component per row, and {@code DataClassRowMapper} asks the driver for a custom type
 * ({@code Period}) and catches the refusal. Every such exception costs a stack trace, and H2 writes each one to its
 * trace file: a Haizhou annual run wrote 143 MB of {@code bipin.trace.db} and spent a third of its CPU on it. Here a
 * column is found or the query is wrong (an {@link IllegalStateException} naming the record and column); values of
 * types the driver does not know (enums, {@code Period}) are read as text and converted by the conversion service.
 *
 * <p>One instance per query: it keeps the column positions of the result set it is reading.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final Class<T> type;
    private final Shape shape;
    private final ConversionService conversions;
    private int[] columns;

    private RecordRows(Class<T> type, ConversionService conversions) {
        this.type = type;
        this.shape = SHAPES.get(type);
        this.conversions = conversions;
    }

    /** A mapper for one query; types the driver does not know are converted from text by Spring's shared conversions. */
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return new RecordRows<>(type, DefaultConversionService.getSharedInstance());
    }

    /** As {@link #of(Class)}, with the conversions for the record's own types (e.g. {@code String → Period}). */
    public static <T extends Record> RecordRows<T> of(Class<T> type, ConversionService conversions) {
        return new RecordRows<>(type, conversions);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rowNum == 0 || columns == null) {
            columns = positions(rs.getMetaData());
        }
        Object[] args = new Object[shape.types.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = read(rs, columns[i], shape.types[i]);
        }
        try {
            return type.cast(shape.constructor.newInstance(args));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from row " + rowNum, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from row " + rowNum, e);
        }
    }

    private int[] positions(ResultSetMetaData meta) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            byName.putIfAbsent(key(meta.getColumnLabel(c)), c);
        }
        int[] positions = new int[shape.names.length];
        for (int i = 0; i < positions.length; i++) {
            Integer c = byName.get(key(shape.names[i]));
            if (c == null) {
                throw new IllegalStateException(type.getSimpleName() + "." + shape.names[i]
                        + " has no column in the result (columns: " + byName.keySet() + ")");
            }
            positions[i] = c;
        }
        return positions;
    }

    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private Object read(ResultSet rs, int c, Class<?> t) throws SQLException {
        if (t == String.class) {
            return rs.getString(c);
        }
        if (t == BigDecimal.class) {
            return rs.getBigDecimal(c);
        }
        if (t == long.class) {
            return rs.getLong(c);
        }
        if (t == int.class) {
            return rs.getInt(c);
        }
        if (t == boolean.class) {
            return rs.getBoolean(c);
        }
        if (t == double.class) {
            return rs.getDouble(c);
        }
        if (t == Long.class) {
            long v = rs.getLong(c);
            return rs.wasNull() ? null : v;
        }
        if (t == Integer.class) {
            int v = rs.getInt(c);
            return rs.wasNull() ? null : v;
        }
        if (t == Boolean.class) {
            boolean v = rs.getBoolean(c);
            return rs.wasNull() ? null : v;
        }
        if (t == Double.class) {
            double v = rs.getDouble(c);
            return rs.wasNull() ? null : v;
        }
        if (t == LocalDateTime.class || t == LocalDate.class) {
            return rs.getObject(c, t);
        }
        Object raw = rs.getObject(c);
        if (raw == null || t.isInstance(raw)) {
            return raw;
        }
        return conversions.convert(raw, t);
    }

    private record Shape(Constructor<?> constructor, String[] names, Class<?>[] types) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(constructor, names, types);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " has no canonical constructor", e);
            }
        }
    }
}
