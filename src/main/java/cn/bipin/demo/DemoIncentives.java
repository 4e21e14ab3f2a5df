package cn.bipin.demo;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.bipin.incentive.IncentiveTemplates;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;
import cn.bipin.inbox.InboxProperties;

/**
 * Writes the enterprise data of the full-year demo ({@link DemoIncentiveData}) into the incentive inbox as a clerk
 * would send it: the period's data templates ({@code incentives template}) filled in, one file per kind of data —
 * the year's five kinds into {@code incentives/<year>/}, each scored quarter's retail sales and project investment
 * into {@code incentives/<year>-Q<n>/}. A folder that already holds a file is left alone.
 */
@Service
public class DemoIncentives {

    private static final Logger log = LoggerFactory.getLogger(DemoIncentives.class);

    private final IncentiveTemplates templates;
    private final InboxProperties inbox;

    DemoIncentives(IncentiveTemplates templates, InboxProperties inbox) {
        this.templates = templates;
        this.inbox = inbox;
    }

    /**
     * Seeds the year's folder and the scored quarters' folders that hold no file yet; nothing for a scheme without
     * an {@code incentives:} section. Returns what was written, the year first.
     */
    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!scheme.section("incentives").isPresent()) {
            return List.of();
        }
        return seed(scheme, inbox.dir().resolve(scheme.id()).resolve("incentives"));
    }

    /** Seeds below {@code root} (the scheme's {@code incentives} folder). */
    List<DemoSeed> seed(Scheme scheme, Path root) {
        DemoIncentiveData data = new DemoIncentiveData(scheme.year());
        List<DemoSeed> seeded = new ArrayList<>();
        Period year = Period.parse(String.valueOf(scheme.year()));
        Path annualDir = root.resolve(year.code());
        if (!DemoFiles.hasFiles(annualDir)) {
            int rows = write(scheme, year, data.annual(), annualDir, LocalDateTime.of(scheme.year() + 1, 1, 10, 9, 30));
            seeded.add(new DemoSeed("企业奖励数据（企业、楼宇、项目、招商推荐、农业经营主体）", List.of(annualDir),
                    "共 " + rows + " 行（含 3 行填错的，运行时退回）"));
        }
        List<Path> quarterDirs = new ArrayList<>();
        int quarterRows = 0;
        for (Period quarter : scheme.scoredPeriods(Cycle.QUARTERLY)) {
            Path dir = root.resolve(quarter.code());
            if (DemoFiles.hasFiles(dir)) {
                continue;
            }
            LocalDateTime received = quarter.lastMonth().plusMonths(1).atDay(12).atTime(10, 0);
            quarterRows += write(scheme, quarter, data.quarter(quarter.index()), dir, received);
            quarterDirs.add(dir);
        }
        if (!quarterDirs.isEmpty()) {
            seeded.add(new DemoSeed("季度企业奖励数据（商品零售额、项目本季度投资）", quarterDirs,
                    "共 " + quarterRows + " 行"));
        }
        return seeded;
    }

    /** Fills the period's templates with the data of their kind; returns the rows written. */
    private int write(Scheme scheme, Period period, Map<String, List<Map<String, Object>>> data, Path dir,
            LocalDateTime received) {
        Path work = DemoFiles.tempDir();
        int rows = 0;
        try {
            int i = 0;
            for (Path template : templates.write(scheme, period, work)) {
                String name = template.getFileName().toString();
                List<Map<String, Object>> kind = data.get(name.substring(0, name.indexOf('_')));
                if (kind == null || kind.isEmpty()) {
                    continue;
                }
                Path out = dir.resolve(name);
                TemplateFiller.fillRows(template, kind, out);
                DemoFiles.stamp(out, received.plusMinutes(47L * i++));
                rows += kind.size();
            }
        } finally {
            DemoFiles.deleteRecursively(work);
        }
        log.info("已在 {} 写入演示企业奖励数据：{} 行", dir, rows);
        return rows;
    }
}
