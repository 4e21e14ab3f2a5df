package cn.bipin.schedule;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import cn.bipin.schedule.ScheduleEntry.PeriodRule;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.SchemeException;
import cn.bipin.run.RunKind;

/** {@code jobs/schedule.yaml}, read and checked: a statistician edits it, so every problem names the entry and key. */
public record ScheduleFile(ZoneId zone, List<ScheduleEntry> entries, int retryMailMinutes, String backupCron,
                           String remindCron, int collectMailMinutes) {

    public static ScheduleFile load(Path file) {
        Map<?, ?> root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object tree = new Yaml(new SafeConstructor(options)).load(reader);
            if (!(tree instanceof Map<?, ?> m)) {
                throw new SchemeException(file, "", "应为键值映射");
            }
            root = m;
        } catch (IOException e) {
            throw new SchemeException(file, "", "无法读取文件（" + e.getMessage() + "）");
        } catch (YAMLException e) {
            throw new SchemeException(file, "", "YAML 格式错误：" + e.getMessage());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(root.get("timezone") == null ? "Asia/Shanghai" : String.valueOf(root.get("timezone")));
        } catch (RuntimeException e) {
            throw new SchemeException(file, "timezone", "未知时区 '" + root.get("timezone") + "'，如 Asia/Shanghai");
        }
        List<ScheduleEntry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Object list = root.get("schedules");
        if (!(list instanceof List<?> items)) {
            throw new SchemeException(file, "schedules", "应为列表");
        }
        for (int i = 0; i < items.size(); i++) {
            String key = "schedules[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> e)) {
                throw new SchemeException(file, key, "应为键值映射");
            }
            String name = text(file, key + ".name", e.get("name"));
            if (!names.add(name)) {
                throw new SchemeException(file, key + ".name", "名称 '" + name + "' 重复");
            }
            String cron = text(file, key + ".cron", e.get("cron"));
            if (!CronExpression.isValidExpression(cron)) {
                throw new SchemeException(file, key + ".cron", "'" + cron + "' 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周）");
            }
            Cycle cycle = enumValue(file, key + ".cycle", e.get("cycle"), Cycle.class);
            PeriodRule period = enumValue(file, key + ".period", e.get("period"), PeriodRule.class);
            RunKind kind = RunKind.SCORE;
            if (e.get("kind") != null) {
                String k = text(file, key + ".kind", e.get("kind"));
                kind = ScheduleEntry.SCHEDULED.stream().filter(x -> x.key().equals(k)).findFirst()
                        .orElseThrow(() -> new SchemeException(file, key + ".kind", "未知取值 '" + k + "'，可选：score（计分运行）、"
                                + "liaison（包联走访月度通报）"));
            }
            if (kind == RunKind.LIAISON && (cycle != Cycle.MONTHLY || period != PeriodRule.PREVIOUS_MONTH)) {
                throw new SchemeException(file, key + ".kind", "包联走访通报（liaison）按月运行：cycle 应为 monthly，"
                        + "period 应为 previous_month");
            }
            entries.add(new ScheduleEntry(name, text(file, key + ".scheme", e.get("scheme")), cycle, cron, period, kind));
        }
        Object retry = root.get("retry_mail_every_minutes") == null ? Integer.valueOf(15) : root.get("retry_mail_every_minutes");
        if (!(retry instanceof Integer minutes) || minutes < 1) {
            throw new SchemeException(file, "retry_mail_every_minutes", "应为正整数（分钟），实际为 '" + retry + "'");
        }
        String backup = root.get("backup_cron") == null ? "0 30 1 * * ?" : String.valueOf(root.get("backup_cron"));
        if (!CronExpression.isValidExpression(backup)) {
            throw new SchemeException(file, "backup_cron", "'" + backup + "' 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周）");
        }
        String remind = root.get("remind_cron") == null ? "0 0 8 * * ?" : String.valueOf(root.get("remind_cron"));
        if (!CronExpression.isValidExpression(remind)) {
            throw new SchemeException(file, "remind_cron", "'" + remind + "' 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周）");
        }
        Object collect = root.get("collect_mail_every_minutes") == null ? Integer.valueOf(10)
                : root.get("collect_mail_every_minutes");
        if (!(collect instanceof Integer collectMinutes) || collectMinutes < 1) {
            throw new SchemeException(file, "collect_mail_every_minutes", "应为正整数（分钟），实际为 '" + collect + "'");
        }
        return new ScheduleFile(zone, List.copyOf(entries), minutes, backup, remind, collectMinutes);
    }

    private static String text(Path file, String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new SchemeException(file, key, "缺少此项");
        }
        return value.toString().trim();
    }

    private static <E extends Enum<E>> E enumValue(Path file, String key, Object value, Class<E> type) {
        String text = text(file, key, value).toUpperCase();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        throw new SchemeException(file, key, "未知取值 '" + value + "'，可选：" + String.join("、",
                java.util.Arrays.stream(type.getEnumConstants()).map(x -> x.name().toLowerCase()).toList()));
    }
}
