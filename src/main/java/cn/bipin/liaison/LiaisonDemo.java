package cn.bipin.liaison;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.springframework.stereotype.Component;

import cn.bipin.inbox.InboxFiles;
import cn.bipin.report.Csv;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * A year of plausible liaison records from a fixed seed (the same files every time): ~150 assignments of the scheme's
 * units from the campaign start, monthly visit files (most assignments visited, some missed, a few never), and monthly
 * problem files — new problems of the month, plus a new version of every earlier problem closed that month — with
 * problems closed late and problems still open at the year end. Two deliberately bad rows show the rejections.
 */
@Component
public class LiaisonDemo {

    static final long SEED = 20240601L;
    static final int ASSIGNMENTS = 150;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽华", "文斌", "晓东", "春梅", "国庆", "红霞", "振华", "秀英", "永刚", "淑珍", "立新", "静", "伟", "磊", "敏", "军", "芳"};
    private static final String[] FIRMS = {"宁夏", "银川", "金凤", "塞上", "贺兰山", "黄河", "阅海", "西夏", "朔方", "凤城"};
    private static final String[] TRADES = {"新材料科技", "智能制造", "电子商务", "物流", "食品", "光伏能源", "生物科技", "建设工程", "文化传媒", "数据服务", "商贸", "医药"};
    private static final String[] PROJECTS = {"产业园标准化厂房", "数字经济产业园", "冷链物流中心", "城市更新改造", "总部经济大楼", "智慧农业示范基地", "新能源储能电站", "商业综合体"};
    private static final String[] CATEGORIES = {"用地", "融资", "审批", "用工", "水电气", "政策兑现"};
    private static final String[] PROBLEMS = {
        "项目用地指标尚未落实，影响开工", "流动资金紧张，申请银行贷款进展慢", "施工许可办理材料反复补正", "技术工人招聘困难",
        "厂区用电增容申请未批复", "去年技改补贴尚未兑现", "环评批复时间过长", "消防验收排队时间长", "周边道路未通，原料运输不便",
        "天然气管网未接入"};
    private static final String[] CONTENTS = {"宣讲优化营商环境政策", "了解生产经营情况", "协调用地手续", "对接融资需求", "跟踪项目建设进度",
        "走访了解用工需求", "督促统计数据应统尽统", "协调水电气接入"};

    /** The files written into the liaison inbox folder, oldest first. */
    public List<Path> write(Scheme scheme, Path dir) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Unit> units = scheme.units();
        YearMonth start = scheme.campaignStart();
        YearMonth end = YearMonth.of(scheme.year(), 12);
        List<String[]> assignments = new ArrayList<>();
        for (int i = 1; i <= ASSIGNMENTS; i++) {
            Unit unit = units.get((i * 7 + random.nextInt(3)) % units.size());
            boolean project = random.nextInt(10) < 3;
            String name = project ? FIRMS[random.nextInt(FIRMS.length)] + PROJECTS[random.nextInt(PROJECTS.length)] + "项目"
                    : FIRMS[random.nextInt(FIRMS.length)] + pick(random, SURNAMES) + "氏" + TRADES[random.nextInt(TRADES.length)] + "有限公司";
            String code = project ? scheme.year() + "-640106-" + (70 + random.nextInt(20)) + "-01-" + String.format("%06d", 100000 + i)
                    : creditCode(random);
            YearMonth from = random.nextInt(10) < 8 ? start : start.plusMonths(1 + random.nextInt(4));
            LocalDate fromDate = from.atDay(1);
            LocalDate toDate = random.nextInt(25) == 0 ? YearMonth.of(scheme.year(), 10).atEndOfMonth() : null;
            assignments.add(new String[] {String.format("BL-%03d", i), project ? "项目" : "企业", name, code, unit.code(),
                pick(random, SURNAMES) + pick(random, GIVEN), pick(random, SURNAMES) + pick(random, GIVEN), fromDate.toString(),
                toDate == null ? "" : toDate.toString()});
        }
        List<Path> written = new ArrayList<>();
        written.add(file(dir.resolve("包联对象.csv"), header(LiaisonKind.ASSIGNMENT),
                assignments.stream().map(Csv::line).toList(), start.atDay(3).atTime(9, 0)));

        // visits and problems month by month; a problem's later closing is a new version in that month's file
        List<String[]> open = new ArrayList<>();
        int visitNo = 0;
        int problemNo = 0;
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            List<String> visits = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (String[] a : assignments) {
                LocalDate from = LocalDate.parse(a[7]);
                LocalDate to = a[8].isEmpty() ? null : LocalDate.parse(a[8]);
                if (from.isAfter(m.atEndOfMonth()) || (to != null && to.isBefore(m.atDay(1)))) {
                    continue;
                }
                int n = a[0].endsWith("7") && random.nextBoolean() ? 0 // a few assignments are often missed
                        : random.nextInt(100) < 88 ? 1 + (random.nextInt(4) == 0 ? 1 : 0) : 0;
                for (int k = 0; k < n; k++) {
                    LocalDate day = m.atDay(1 + random.nextInt(m.lengthOfMonth()));
                    visitNo++;
                    visits.add(Csv.line(String.format("ZF-%05d", visitNo), a[0], day.toString(), a[6],
                            random.nextInt(5) == 0 ? "座谈" : random.nextInt(6) == 0 ? "电话" : "走访",
                            CONTENTS[random.nextInt(CONTENTS.length)]));
                    if (random.nextInt(100) < 18) {
                        problemNo++;
                        boolean promised = random.nextBoolean();
                        LocalDate deadline = promised ? day.plusDays(15 + random.nextInt(31)) : day.plusDays(30);
                        // most are closed, some late (after the deadline), some never in the year
                        int r = random.nextInt(100);
                        LocalDate closed = r < 55 ? day.plusDays(3 + random.nextInt((int) (deadline.toEpochDay() - day.toEpochDay()) - 2))
                                : r < 80 ? deadline.plusDays(1 + random.nextInt(40)) : null;
                        String[] p = {String.format("WT-%04d", problemNo), a[0], day.toString(),
                            CATEGORIES[random.nextInt(CATEGORIES.length)], PROBLEMS[random.nextInt(PROBLEMS.length)],
                            promised ? deadline.toString() : "", "", "未办结", "", closed == null ? "" : closed.toString()};
                        open.add(p);
                    }
                }
            }
            // this month's problems as they stand at its end: new ones, and earlier ones closed in it
            for (var it = open.iterator(); it.hasNext(); ) {
                String[] p = it.next();
                LocalDate raised = LocalDate.parse(p[2]);
                LocalDate closed = p[9].isEmpty() ? null : LocalDate.parse(p[9]);
                boolean closedNow = closed != null && YearMonth.from(closed).equals(m);
                boolean closedEarlier = closed != null && YearMonth.from(closed).isBefore(m);
                if (YearMonth.from(raised).equals(m) || closedNow) {
                    boolean done = closed != null && !closed.isAfter(m.atEndOfMonth());
                    problems.add(Csv.line(p[0], p[1], p[2], p[3], p[4], p[5], done ? closed.toString() : "",
                            done ? "已办结" : "未办结", done ? "已协调解决，企业确认销号" : ""));
                }
                if (closedNow || closedEarlier) {
                    it.remove();
                }
            }
            LocalDateTime sent = m.plusMonths(1).atDay(5).atTime(9, 0);
            if (m.equals(start)) {
                // two rows a clerk got wrong: an impossible date, an assignment never registered
                visits.add(Csv.line("ZF-X0001", "BL-001", m + "-32", "张三", "走访", "日期写错"));
                visits.add(Csv.line("ZF-X0002", "BL-999", m.atDay(10).toString(), "李四", "走访", "编号写错"));
            }
            written.add(file(dir.resolve("走访记录-" + m + ".csv"), header(LiaisonKind.VISIT), visits, sent));
            written.add(file(dir.resolve("问题台账-" + m + ".csv"), header(LiaisonKind.PROBLEM), problems, sent.plusMinutes(5)));
        }
        return written;
    }

    /** Whether the scheme's liaison inbox already holds files (the demo never adds to real ones). */
    public boolean hasFiles(Path dir) {
        return !InboxFiles.list(dir).isEmpty();
    }

    private static String header(LiaisonKind kind) {
        return String.join(",", kind.fields.stream().map(LiaisonKind.Field::key).toList());
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static Path file(Path file, String header, List<String> lines, LocalDateTime time) {
        Csv.write(file, header, lines);
        try {
            Files.setLastModifiedTime(file, FileTime.from(time.atZone(ZoneId.systemDefault()).toInstant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A unified social credit code with valid check characters (GB 32100, organisation code GB 11714), Yinchuan Jinfeng. */
    static String creditCode(SplittableRandom random) {
        StringBuilder org = new StringBuilder();
        int sum = 0;
        int[] orgWeights = {3, 7, 9, 10, 5, 8, 4, 2};
        for (int i = 0; i < 8; i++) {
            int d = random.nextInt(10);
            org.append(d);
            sum += d * orgWeights[i];
        }
        int c = 11 - sum % 11;
        org.append(c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c));
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String body = "91640106" + org;
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += alphabet.indexOf(body.charAt(i)) * weights[i];
        }
        int check = (31 - total % 31) % 31;
        return body + alphabet.charAt(check);
    }
}
