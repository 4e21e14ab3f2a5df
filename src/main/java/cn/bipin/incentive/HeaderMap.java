package cn.bipin.incentive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where each of an entity's columns sits in a file, from its header (keys or template titles, in any order).
 * A missing required column or an unknown one refuses the whole file: a shifted column would pay the wrong awards.
 */
final class HeaderMap {

    private final Entity entity;
    private final int[] fileIndex;
    private final String[] letters;

    private HeaderMap(Entity entity, int[] fileIndex) {
        this.entity = entity;
        this.fileIndex = fileIndex;
        this.letters = new String[fileIndex.length];
        for (int i = 0; i < fileIndex.length; i++) {
            letters[i] = fileIndex[i] < 0 ? null : TableSource.letter(fileIndex[i]);
        }
    }

    static HeaderMap of(Entity entity, List<String> header, String fileName) {
        int[] index = new int[entity.columns.size()];
        Arrays.fill(index, -1);
        List<String> unknown = new ArrayList<>();
        for (int f = 0; f < header.size(); f++) {
            String h = clean(header.get(f));
            if (h.isEmpty()) {
                continue;
            }
            int c = find(entity, h);
            if (c < 0) {
                unknown.add("“" + h + "”");
            } else if (index[c] >= 0) {
                throw new DataFileException(fileName, "列“" + h + "”出现了两次");
            } else {
                index[c] = f;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < index.length; c++) {
            if (index[c] < 0 && entity.columns.get(c).required()) {
                missing.add("“" + entity.columns.get(c).label() + "”");
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            StringBuilder sb = new StringBuilder(entity.label).append("数据的表头不对：");
            if (!missing.isEmpty()) {
                sb.append("缺少必填列 ").append(String.join("、", missing));
            }
            if (!unknown.isEmpty()) {
                sb.append(missing.isEmpty() ? "" : "；").append("无法识别的列 ").append(String.join("、", unknown));
            }
            throw new DataFileException(fileName, sb.append("。请使用下发的模板，或按 README 中的列名").toString());
        }
        return new HeaderMap(entity, index);
    }

    /** A header cell without the template's required-column mark: "企业名称 *" → "企业名称". */
    static String clean(String h) {
        String s = h.strip();
        while (s.endsWith("*")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    private static int find(Entity entity, String h) {
        String k = h.toLowerCase(Locale.ROOT);
        for (int i = 0; i < entity.columns.size(); i++) {
            Column c = entity.columns.get(i);
            if (c.key().equals(k) || c.label().equals(h)) {
                return i;
            }
        }
        return -1;
    }

    /** The row's cells in the entity's column order. */
    String[] canonical(List<String> cells) {
        String[] out = new String[fileIndex.length];
        for (int i = 0; i < fileIndex.length; i++) {
            int f = fileIndex[i];
            out[i] = f >= 0 && f < cells.size() ? cells.get(f) : "";
        }
        return out;
    }

    String[] letters() {
        return letters;
    }

    Entity entity() {
        return entity;
    }
}
