package cn.bipin.incentive;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.bipin.scheme.SchemeLoader;

/** Test data: rows built from column keys, valid credit codes, and the Jinfeng scheme's incentive numbers. */
final class Rows {

    private Rows() {
    }

    static IncentiveConfig jinfeng() {
        return IncentiveConfig.load(SchemeLoader.load(Path.of("jobs/jinfeng-2024.yaml")));
    }

    /** A valid credit code numbered n: "91640106MA" + 7 digits + the GB 32100 check character. */
    static String code(int n) {
        String first17 = "91640106MA" + String.format("%07d", n);
        return first17 + CreditCode.checkDigit(first17);
    }

    /** key, value, key, value … → a parsed row; fails the test if the row does not parse. */
    static DataRow row(Entity entity, String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        String[] cells = new String[entity.columns.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = m.remove(entity.columns.get(i).key());
        }
        if (!m.isEmpty()) {
            throw new IllegalArgumentException("unknown columns " + m.keySet());
        }
        DataRow.Parsed p = DataRow.parse(entity, cells, null);
        if (!p.ok()) {
            throw new IllegalArgumentException(p.errors().toString());
        }
        return p.row();
    }
}
