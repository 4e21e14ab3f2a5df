package cn.bipin.liaison;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of liaison record (R-LIAISON), one file kind each, with their columns. The first column is the
 * record id: a later accepted row with the same id is a new version of the record (the newest wins, all are kept).
 */
enum LiaisonKind {
    ASSIGNMENT("assignments", "包联对象", List.of(
            Field.required("assignment_id", "包联编号", Field.Type.ID),
            Field.choice("subject_type", "对象类型", true, "企业", "项目"),
            Field.required("subject_name", "企业（项目）名称", Field.Type.TEXT),
            Field.of("subject_code", "统一社会信用代码或项目编号", Field.Type.TEXT),
            Field.required("unit", "责任单位", Field.Type.UNIT),
            Field.required("leader", "责任领导", Field.Type.TEXT),
            Field.required("officer", "服务专员", Field.Type.TEXT),
            Field.required("from", "包联起始日期", Field.Type.DATE),
            Field.of("to", "包联结束日期", Field.Type.DATE))),
    VISIT("visits", "走访记录", List.of(
            Field.required("visit_id", "走访编号", Field.Type.ID),
            Field.required("assignment_id", "包联编号", Field.Type.ID),
            Field.required("visit_date", "走访日期", Field.Type.DATE),
            Field.required("visitor", "走访人", Field.Type.TEXT),
            Field.choice("form", "走访形式", false, "走访", "座谈", "电话"),
            Field.of("content", "服务内容", Field.Type.TEXT))),
    PROBLEM("problems", "问题台账", List.of(
            Field.required("problem_id", "问题编号", Field.Type.ID),
            Field.required("assignment_id", "包联编号", Field.Type.ID),
            Field.required("raised_on", "提出日期", Field.Type.DATE),
            Field.of("category", "问题类别", Field.Type.TEXT),
            Field.required("description", "问题描述", Field.Type.TEXT),
            Field.of("promised_on", "承诺办结日期", Field.Type.DATE),
            Field.of("closed_on", "办结日期", Field.Type.DATE),
            Field.choice("status", "办理状态", false, "未办结", "已办结"),
            Field.of("note", "办结情况", Field.Type.TEXT)));

    /** The English key, also what a CSV file name may contain. */
    final String key;
    /** The Chinese name: sheet name and file name of the template. */
    final String label;
    final List<Field> fields;

    LiaisonKind(String key, String label, List<Field> fields) {
        this.key = key;
        this.label = label;
        this.fields = fields;
    }

    int index(String fieldKey) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).key().equals(fieldKey)) {
                return i;
            }
        }
        throw new IllegalArgumentException(fieldKey);
    }

    /**
     * The kind a file holds, from its name: 问题 / problems, 走访 / visits, 包联 / assignments (checked in this order,
     * so 包联问题台账.xlsx is a problem file).
     */
    static Optional<LiaisonKind> fromFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("问题") || n.contains("problem")) {
            return Optional.of(PROBLEM);
        }
        if (n.contains("走访") || n.contains("visit")) {
            return Optional.of(VISIT);
        }
        if (n.contains("包联") || n.contains("assignment")) {
            return Optional.of(ASSIGNMENT);
        }
        return Optional.empty();
    }

    static LiaisonKind fromKey(String key) {
        for (LiaisonKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown liaison kind: " + key);
    }

    /** A column of a record kind. */
    record Field(String key, String label, boolean required, Type type, List<String> choices) {

        enum Type { ID, TEXT, DATE, UNIT, CHOICE }

        static Field required(String key, String label, Type type) {
            return new Field(key, label, true, type, List.of());
        }

        static Field of(String key, String label, Type type) {
            return new Field(key, label, false, type, List.of());
        }

        static Field choice(String key, String label, boolean required, String... choices) {
            return new Field(key, label, required, Type.CHOICE, List.of(choices));
        }
    }
}
