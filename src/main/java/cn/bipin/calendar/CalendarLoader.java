package cn.bipin.calendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and checks one {@code <year>.yaml} calendar file. Fails at load, naming the file, the key and the problem, so a
 * wrong date is found when the file is edited, not when a deadline comes out a day off.
 */
final class CalendarLoader {

    private static final Set<String> TOP_KEYS = Set.of("year", "holidays", "workdays");
    private static final Set<String> HOLIDAY_KEYS = Set.of("name", "from", "to");

    private CalendarLoader() {
    }

    static CalendarYear load(Path file, int expectedYear) {
        Object tree;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            tree = new Yaml(new DatesAsText()).load(reader);
        } catch (IOException e) {
            throw new CalendarException(file, "", "无法读取文件（" + e.getMessage() + "）");
        } catch (YAMLException e) {
            throw new CalendarException(file, "", "YAML 格式错误：" + e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new CalendarException(file, "", "应为键值映射（year、holidays、workdays）");
        }
        onlyKeys(file, "", root, TOP_KEYS);
        if (!(root.get("year") instanceof Integer year)) {
            throw new CalendarException(file, "year", root.get("year") == null ? "缺少此项" : "应为四位年份，实际为 '" + root.get("year") + "'");
        }
        if (year != expectedYear) {
            throw new CalendarException(file, "year", "年份 " + year + " 应与文件名 " + expectedYear + " 一致");
        }

        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        List<?> holidayList = list(file, "holidays", root.get("holidays"));
        for (int i = 0; i < holidayList.size(); i++) {
            String key = "holidays[" + i + "]";
            if (!(holidayList.get(i) instanceof Map<?, ?> entry)) {
                throw new CalendarException(file, key, "应为 {name: 节日, from: 开始日, to: 结束日}");
            }
            onlyKeys(file, key, entry, HOLIDAY_KEYS);
            Object name = entry.get("name");
            if (name == null || name.toString().isBlank()) {
                throw new CalendarException(file, key + ".name", "缺少此项");
            }
            LocalDate from = date(file, key + ".from", entry.get("from"), year);
            LocalDate to = date(file, key + ".to", entry.get("to"), year);
            if (to.isBefore(from)) {
                throw new CalendarException(file, key + ".to", "假期结束日 " + to + " 早于开始日 " + from);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                String earlier = holidays.putIfAbsent(d, name.toString().trim());
                if (earlier != null) {
                    throw new CalendarException(file, key, d + " 已列在假期「" + earlier + "」中，假期不能重叠");
                }
            }
        }

        Set<LocalDate> workdays = new HashSet<>();
        List<?> workdayList = root.get("workdays") == null ? List.of() : list(file, "workdays", root.get("workdays"));
        for (int i = 0; i < workdayList.size(); i++) {
            String key = "workdays[" + i + "]";
            LocalDate d = date(file, key, workdayList.get(i), year);
            DayOfWeek dow = d.getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                throw new CalendarException(file, key, "调休上班日 " + d + " 是" + dow.getDisplayName(TextStyle.FULL, Locale.CHINA)
                        + "，应为星期六或星期日（周一至周五本来就上班）");
            }
            if (holidays.containsKey(d)) {
                throw new CalendarException(file, key, d + " 同时列为假期「" + holidays.get(d) + "」和调休上班日");
            }
            if (!workdays.add(d)) {
                throw new CalendarException(file, key, d + " 重复列出");
            }
        }
        return new CalendarYear(year, holidays, workdays);
    }

    private static LocalDate date(Path file, String key, Object value, int year) {
        if (value == null || value.toString().isBlank()) {
            throw new CalendarException(file, key, "缺少此项");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new CalendarException(file, key, "应为日期（如 " + year + "-02-10），实际为 '" + value + "'");
        }
        if (d.getYear() != year) {
            throw new CalendarException(file, key, "日期 " + d + " 不在 " + year + " 年内");
        }
        return d;
    }

    private static List<?> list(Path file, String key, Object value) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new CalendarException(file, key, value == null ? "缺少此项" : "应为列表");
    }

    private static void onlyKeys(Path file, String path, Map<?, ?> map, Set<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new CalendarException(file, path.isEmpty() ? String.valueOf(key) : path + "." + key,
                        "未知的配置项（拼写错误？），可用的有：" + String.join("、", allowed.stream().sorted().toList()));
            }
        }
    }

    /**
     * Keeps {@code 2024-02-30} as text: SnakeYAML's own timestamps are lenient and would quietly read it as March 1st;
     * {@link LocalDate#parse} refuses it. Duplicate keys are refused too.
     */
    private static final class DatesAsText extends SafeConstructor {

        DatesAsText() {
            super(options());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }

        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return options;
        }
    }
}
