package cn.bipin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.bipin.scheme.Period;

class RecordRowsTest {

    record Row(long id, String unitCode, BigDecimal score, Integer previousRank, boolean late, LocalDate due,
            Period period) {
    }

    record Missing(long id, String nowhere) {
    }

    private JdbcClient jdbc;

    @BeforeEach
    void table() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:rows" + System.nanoTime() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("CREATE TABLE t (id BIGINT, unit_code VARCHAR(20), score DECIMAL(8,2), previous_rank INT,"
                + " late BOOLEAN, due DATE, period VARCHAR(10))").update();
        jdbc.sql("INSERT INTO t VALUES (1, 'fgj', 98.50, 3, TRUE, DATE '2024-07-10', '2024-06'),"
                + " (2, 'czj', NULL, NULL, FALSE, NULL, '2024-Q2')").update();
    }

    @Test
    void snakeCaseColumnsNullsAndTheRecordsOwnTypes() {
        List<Row> rows = jdbc.sql("SELECT * FROM t ORDER BY id").query(RecordRows.of(Row.class, conversionsWithPeriod())).list();

        assertThat(rows).containsExactly(
                new Row(1, "fgj", new BigDecimal("98.50"), 3, true, LocalDate.of(2024, 7, 10), Period.parse("2024-06")),
                new Row(2, "czj", null, null, false, null, Period.parse("2024-Q2")));
    }

    @Test
    void camelCaseLabelsAndColumnsInAnyOrder() {
        Row row = jdbc.sql("SELECT period, due, late, previous_rank AS previousRank, score, unit_code AS unitCode, id"
                + " FROM t WHERE id = 1").query(RecordRows.of(Row.class, conversionsWithPeriod())).single();

        assertThat(row.unitCode()).isEqualTo("fgj");
        assertThat(row.previousRank()).isEqualTo(3);
    }

    @Test
    void aComponentWithoutColumnIsAProgrammingErrorNamedPlainly() {
        assertThatThrownBy(() -> jdbc.sql("SELECT id FROM t").query(RecordRows.of(Missing.class)).list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing.nowhere has no column");
    }

    private static DefaultConversionService conversionsWithPeriod() {
        DefaultConversionService conversions = new DefaultConversionService();
        conversions.addConverter(String.class, Period.class, Period::parse);
        return conversions;
    }
}
