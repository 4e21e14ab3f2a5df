package cn.bipin.incentive;

import java.util.List;

/**
 * One column of an incentive data file: the key used in CSV headers, the Chinese title used in the template,
 * how its cells are read, and whether a row without it is unusable.
 */
record Column(String key, String label, ColumnKind kind, boolean required, List<String> choices) {

    static Column of(String key, String label, ColumnKind kind) {
        return new Column(key, label, kind, false, List.of());
    }

    static Column required(String key, String label, ColumnKind kind) {
        return new Column(key, label, kind, true, List.of());
    }

    static Column choice(String key, String label, String... choices) {
        return new Column(key, label, ColumnKind.CHOICE, false, List.of(choices));
    }
}
