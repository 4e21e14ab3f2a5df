package cn.bipin.warning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.bipin.demo.DemoSeed;
import cn.bipin.inbox.InboxFiles;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * Demo inputs of the warnings (D19) for a scheme with working groups, drawn from a fixed seed so every demo year is
 * the same: the city figures of every month from the one before the campaign start (its ranks are the first
 * month's "previous" ones) — CSV forms, and the .xlsx template for the campaign's first month — and every
 * co-department's weekly ledgers, a few sent late (after Friday) and a few not sent. Written only into empty folders.
 */
@Component
public class WarningDemo {

    static final long SEED = 20230404L; // 鞍高开发﹝2023﹞8号, 2023年4月4日

    private final WarningService warnings;
    private final ZoneId zone;

    WarningDemo(WarningService warnings, @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.warnings = warnings;
        this.zone = zone;
    }

    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!WorkingGroups.configured(scheme)) {
            return List.of();
        }
        WorkingGroups groups = WorkingGroups.load(scheme);
        List<DemoSeed> seeds = new ArrayList<>();
        Path city = warnings.cityDir(scheme.id());
        if (InboxFiles.list(city).isEmpty()) {
            int files = 0;
            Period first = Period.month(scheme.year(), scheme.campaignStart().getMonthValue());
            for (Period m = first.previous(); m.year() == scheme.year() && m.index() <= 12; m = m.next()) {
                Map<String, CityFigures.Row> rows = cityFigures(groups, m);
                LocalDateTime published = m.lastMonth().plusMonths(1).atDay(15).atTime(10, 0);
                Path file;
                if (m.equals(first)) {
                    file = city.resolve(CityTemplate.fileName(m));
                    CityTemplate.write(scheme, groups, m, rows, file);
                } else {
                    file = city.resolve("全市指标对比-" + m.code() + ".csv");
                    List<String> lines = new ArrayList<>(List.of(String.join(",", CityFigures.CSV_HEADER)));
                    rows.values().forEach(r -> lines.add(r.dimension() + "," + r.zoneGrowth().movePointRight(2).toPlainString()
                            + "," + r.cityGrowth().movePointRight(2).toPlainString() + "," + r.cityRank()));
                    write(file, String.join("\r\n", lines) + "\r\n");
                }
                stamp(file, published);
                files++;
                if (m.index() == 12) {
                    break;
                }
            }
            seeds.add(new DemoSeed("全市指标对比（各指标本区增速、全市平均增速、全市位次）", List.of(city), "共 " + files + " 个月"));
        }
        Path weekly = warnings.weeklyDir(scheme.id());
        if (InboxFiles.list(weekly).isEmpty()) {
            int files = 0;
            int late = 0;
            LocalDate from = scheme.campaignStart().atDay(1).with(TemporalAdjusters.nextOrSame(groups.weeklyDue()));
            for (LocalDate due = from; due.getYear() == scheme.year(); due = due.plusWeeks(1)) {
                String week = String.format("%d-W%02d", due.get(IsoFields.WEEK_BASED_YEAR), due.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                for (String dept : groups.weeklyReporters()) {
                    SplittableRandom r = new SplittableRandom(SEED ^ (week + dept).hashCode());
                    double draw = r.nextDouble();
                    if (draw < 0.05) {
                        continue; // 可视工作进展：no ledger this week
                    }
                    LocalDateTime at = draw < 0.13 ? due.plusDays(draw < 0.09 ? 1 : 3).atTime(9, 30)
                            : due.atTime(9 + r.nextInt(8), r.nextInt(60));
                    if (draw < 0.13) {
                        late++;
                    }
                    Path file = weekly.resolve(week + "-" + groups.departmentName(dept) + ".csv");
                    write(file, "事项,进展,存在问题,下步措施\r\n" + groups.departmentName(dept) + week + "工作台账,按计划推进,,持续跟踪\r\n");
                    stamp(file, at);
                    files++;
                }
            }
            seeds.add(new DemoSeed("周工作台账（协同部门报责任部门，每周五前）", List.of(weekly),
                    "共 " + files + " 个文件，其中逾期 " + late + " 个"));
        }
        return seeds;
    }

    /**
     * A month's city figures: the city average of each indicator drifts around 4–7%, the zone's growth around its own
     * level, mostly above the city's (力争指标增速走在全市前列), and the zone's rank moves by at most one place a month,
     * more often up than down.
     */
    static Map<String, CityFigures.Row> cityFigures(WorkingGroups groups, Period month) {
        Map<String, CityFigures.Row> rows = new LinkedHashMap<>();
        for (WorkingGroups.Group g : groups.groups()) {
            for (WorkingGroups.Indicator i : g.indicators()) {
                String code = i.dimension().code();
                SplittableRandom level = new SplittableRandom(SEED ^ code.hashCode());
                double cityLevel = 4 + level.nextDouble() * 3;           // 4%–7%
                double zoneLevel = cityLevel - 1 + level.nextDouble() * 6; // city −1 to +5 points
                int rank = 2 + level.nextInt(Math.max(1, groups.cityDistricts() - 3));
                SplittableRandom noise = new SplittableRandom(SEED ^ (code.hashCode() * 31L + month.index()));
                double zone = zoneLevel + (noise.nextDouble() - 0.5) * 5;
                double city = cityLevel + (noise.nextDouble() - 0.5) * 2;
                for (int m = 1; m <= month.index(); m++) {
                    double d = new SplittableRandom(SEED ^ (code.hashCode() * 131L + m)).nextDouble();
                    int step = d < 0.2 ? 1 : d < 0.5 ? -1 : 0;           // 1 in 5 months a place lost
                    rank = Math.max(1, Math.min(groups.cityDistricts(), rank + step));
                }
                rows.put(code, new CityFigures.Row(code, percent(zone), percent(city), rank));
            }
        }
        return rows;
    }

    private static BigDecimal percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).movePointLeft(2);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "\uFEFF" + text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stamp(Path file, LocalDateTime at) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(at.atZone(zone).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
