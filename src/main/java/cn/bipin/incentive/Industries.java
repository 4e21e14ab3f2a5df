package cn.bipin.incentive;

import java.util.Collection;
import java.util.Map;

/**
 * Matches an enterprise's 行业 as its clerk wrote it against the names a rule lists. Clerks write the same class
 * with and without its closing 业 (商务服务 / 商务服务业, 批发和零售 / 批发和零售业) and with stray spaces; those
 * differences do not decide an award. Which classes a rule takes is the scheme file's business (INC-13 lists the
 * 门类 and its 大类, e.g. 租赁和商务服务业 and 商务服务业).
 */
final class Industries {

    private Industries() {
    }

    static boolean among(Collection<String> listed, String industry) {
        if (industry == null) {
            return false;
        }
        String key = key(industry);
        return listed.stream().anyMatch(l -> key(l).equals(key));
    }

    /** The value listed for the industry, else the one under {@code fallback}. */
    static <V> V lookup(Map<String, V> byIndustry, String industry, String fallback) {
        if (industry != null) {
            String key = key(industry);
            for (Map.Entry<String, V> e : byIndustry.entrySet()) {
                if (key(e.getKey()).equals(key)) {
                    return e.getValue();
                }
            }
        }
        return byIndustry.get(fallback);
    }

    private static String key(String industry) {
        String s = industry.replaceAll("\\s+", "");
        return s.endsWith("业") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
    }
}
