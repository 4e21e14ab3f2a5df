package cn.bipin.appeal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.YamlNode;

/**
 * The scheme file's {@code appeals:} section (seed 000 Annex 2): registration within {@code registration_hours} of
 * receipt, study within {@code study_working_days} working days of registration, open cases listed after
 * {@code open_days}, who must answer an enterprise of each size, and the points of each satisfaction grade. Every
 * number is the scheme file's; a bad value stops the run naming file and key.
 *
 * @param title            the ledger's Chinese name, e.g. 企业诉求台账
 * @param registrationHours R-APPEAL-1, clock hours
 * @param studyWorkingDays R-APPEAL-2, working days on the calendar (D12)
 * @param openDays         an open case received more than this many days before the period's end is listed
 * @param feedback         R-APPEAL-3: enterprise size → the role that must answer it
 * @param satisfaction     grade as typed (满意) → points (100)
 */
public record AppealRules(String title, int registrationHours, int studyWorkingDays, int openDays,
                          Map<Size, Role> feedback, Map<String, BigDecimal> satisfaction) {

    /** The section's name in the scheme file. */
    public static final String SECTION = "appeals";

    private static final Set<String> KEYS = Set.of("title", "registration_hours", "study_working_days", "open_days",
            "feedback", "satisfaction", "dimensions");

    /** Enterprise size class (DOMAIN §6.1). */
    public enum Size {
        KEY("key", "重点企业"), LARGE("large", "千万元以上企业"), SMALL("small", "千万元以下企业");

        final String key;
        final String label;

        Size(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The level a case was resolved at. */
    public enum Level {
        UNIT("unit", "单位"), TASKFORCE("taskforce", "专班"), MEETING("meeting", "区政府专题会议");

        final String key;
        final String label;

        Level(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Who answered the enterprise. */
    public enum Role {
        HEAD_CONSENT("head_consent", "主要领导（经分管区领导同意）"), HEAD("head", "主要领导"), DEPUTY("deputy", "分管领导");

        final String key;
        final String label;

        Role(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the scheme keeps an appeals ledger at all. */
    public static boolean configured(Scheme scheme) {
        return scheme.section(SECTION).isPresent();
    }

    public static AppealRules of(Scheme scheme) {
        YamlNode s = scheme.section(SECTION);
        if (!s.isPresent()) {
            throw s.fail("缺少企业诉求台账的配置（appeals）");
        }
        s.onlyKeys(KEYS);
        int hours = s.get("registration_hours").isPresent() ? s.get("registration_hours").positiveInteger() : 24;
        int days = s.get("study_working_days").isPresent() ? s.get("study_working_days").positiveInteger() : 3;
        int open = s.get("open_days").isPresent() ? s.get("open_days").positiveInteger() : 30;
        Map<Size, Role> feedback = new EnumMap<>(Size.class);
        YamlNode f = s.get("feedback");
        if (f.isPresent()) {
            f.onlyKeys(Set.of("key", "large", "small"));
        }
        for (Size size : Size.values()) {
            YamlNode n = f.get(size.key);
            Role fallback = switch (size) {
                case KEY -> Role.HEAD_CONSENT;
                case LARGE -> Role.HEAD;
                case SMALL -> Role.DEPUTY;
            };
            feedback.put(size, n.isPresent() ? role(n) : fallback);
        }
        Map<String, BigDecimal> satisfaction = new LinkedHashMap<>();
        YamlNode sat = s.get("satisfaction");
        if (sat.isPresent()) {
            for (Object k : sat.map().keySet()) {
                BigDecimal points = sat.get(String.valueOf(k)).nonNegative();
                if (points.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw sat.get(String.valueOf(k)).fail("应在 0 到 100 之间，实际为 " + points.toPlainString());
                }
                satisfaction.put(String.valueOf(k).trim(), points);
            }
            if (satisfaction.isEmpty()) {
                throw sat.fail("至少需要一个满意度等次");
            }
        } else {
            satisfaction.put("满意", BigDecimal.valueOf(100));
            satisfaction.put("基本满意", BigDecimal.valueOf(60));
            satisfaction.put("不满意", BigDecimal.ZERO);
        }
        return new AppealRules(s.get("title").text("企业诉求台账"), hours, days, open, Map.copyOf(feedback),
                java.util.Collections.unmodifiableMap(satisfaction));
    }

    private static Role role(YamlNode n) {
        String v = n.text();
        for (Role r : Role.values()) {
            if (r.key.equals(v)) {
                return r;
            }
        }
        throw n.fail("应为 head_consent（主要领导，经分管区领导同意）、head（主要领导）或 deputy（分管领导），实际为 '" + v + "'");
    }
}
