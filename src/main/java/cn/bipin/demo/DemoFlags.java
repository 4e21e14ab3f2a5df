package cn.bipin.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.bipin.award.ReportFlags;
import cn.bipin.scheme.AwardRules.Disqualifier;
import cn.bipin.scheme.Scheme;

/**
 * The demo year's falsified-report flag (虚报, D15), from {@value DemoInbox#PROFILES}: recorded as the office would
 * with {@code bipin flag}, for a scheme that counts falsified reports and has the unit, once.
 */
@Service
public class DemoFlags {

    private static final Map<String, Object> SUBMISSIONS = DemoResources.yaml(DemoInbox.PROFILES);

    private final ReportFlags flags;

    DemoFlags(ReportFlags flags) {
        this.flags = flags;
    }

    public List<DemoSeed> seedYear(Scheme scheme) {
        if (!scheme.awards().disqualify().contains(Disqualifier.FALSIFIED) || !flags.forScheme(scheme.id()).isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) SUBMISSIONS.getOrDefault("flags", List.of());
        List<DemoSeed> seeded = new ArrayList<>();
        for (Map<String, Object> f : listed) {
            String unit = (String) f.get("unit");
            if (scheme.unit(unit).isEmpty()) {
                continue;
            }
            int year = scheme.year();
            String period = DemoResources.withYear((String) f.get("period"), year);
            LocalDateTime at = LocalDateTime.parse(DemoResources.withYear((String) f.get("at"), year).replace(' ', 'T'));
            flags.add(scheme.id(), unit, period, (String) f.get("reason"), (String) f.get("by"), at);
            seeded.add(new DemoSeed("虚报标记：" + scheme.unit(unit).orElseThrow().name() + " " + period + "（"
                    + f.get("reason") + "）", List.of(java.nio.file.Path.of("data")), "1 条"));
        }
        return seeded;
    }
}
