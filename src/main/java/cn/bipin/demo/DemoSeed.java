package cn.bipin.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * One group of demo files written into the inbox, for the demo command's report.
 *
 * @param what    what was written, in Chinese, e.g. 企业奖励数据（企业、楼宇、项目、招商推荐、农业经营主体）
 * @param folders the inbox folders written
 * @param amount  how much, in Chinese, e.g. 共 112 行
 */
public record DemoSeed(String what, List<Path> folders, String amount) {

    /** The report line: what, how much, and where (the first folder in full, further ones by name). */
    public String line() {
        StringBuilder where = new StringBuilder(folders.get(0).toAbsolutePath().toString());
        folders.stream().skip(1).forEach(f -> where.append("、").append(f.getFileName()));
        return "已写入演示" + what + "，" + amount + "：" + where;
    }
}
