package cn.bipin.incentive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of incentive data, every cell read as its column's kind. Built from the cells in the entity's own column
 * order, so a row re-read from the database parses exactly as it did when it arrived.
 */
final class DataRow {

    /** Separates the cells of a row kept as received; a unit separator never appears in typed data. */
    static final char SEPARATOR = '\u001F';

    private final Entity entity;
    private final Object[] values;

    private DataRow(Entity entity, Object[] values) {
        this.entity = entity;
        this.values = values;
    }

    /** A row or the reasons it cannot be used. */
    record Parsed(DataRow row, List<String> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param cells   in the entity's column order ({@code null} or blank = empty)
     * @param letters the column letter of each cell in the file it came from, for messages; null to omit
     */
    static Parsed parse(Entity entity, String[] cells, String[] letters) {
        Object[] values = new Object[entity.columns.size()];
        List<String> errors = new ArrayList<>(0);
        for (int i = 0; i < values.length; i++) {
            Column c = entity.columns.get(i);
            CellParser.Result r = CellParser.parse(c, i < cells.length ? cells[i] : null);
            if (r.error() != null) {
                String where = letters == null || letters[i] == null ? "" : letters[i] + "列";
                errors.add(where + "（" + c.label() + "）：" + r.error());
            } else {
                values[i] = r.value();
            }
        }
        return new Parsed(errors.isEmpty() ? new DataRow(entity, values) : null, errors);
    }

    /** The cells joined for storage, as they were received. */
    static String join(String[] cells) {
        StringBuilder sb = new StringBuilder(cells.length * 12);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            if (cells[i] != null) {
                sb.append(cells[i]);
            }
        }
        return sb.toString();
    }

    static String[] split(String raw, int columns) {
        String[] cells = new String[columns];
        int start = 0;
        for (int i = 0; i < columns; i++) {
            int end = raw.indexOf(SEPARATOR, start);
            if (end < 0) {
                cells[i] = raw.substring(start);
                break;
            }
            cells[i] = raw.substring(start, end);
            start = end + 1;
        }
        return cells;
    }

    Entity entity() {
        return entity;
    }

    String subjectId() {
        return (String) values[0];
    }

    String text(String key) {
        return (String) values[entity.index(key)];
    }

    BigDecimal number(String key) {
        return (BigDecimal) values[entity.index(key)];
    }

    LocalDate date(String key) {
        return (LocalDate) values[entity.index(key)];
    }

    /** An empty flag counts as 否: an award needs a "是". */
    boolean flag(String key) {
        return Boolean.TRUE.equals(values[entity.index(key)]);
    }
}
