package cn.bipin.targets;

import java.util.List;

/** A 任务分解表 refused whole: every problem found, each naming row, column and value, in Chinese. */
public class TargetImportException extends RuntimeException {

    private final List<String> problems;

    TargetImportException(String file, List<String> problems) {
        super("任务分解表 " + file + " 未导入：" + problems.size() + " 处问题");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
