package cn.bipin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code evaluation}: the year-end back-to-back evaluation's commands. */
@Command(name = "evaluation", mixinStandardHelpOptions = true,
        description = {"年底总比拼·背靠背评议：发放评议令牌、生成评议表、运行评议计分并生成评议结果。",
                "专班办公室还可以查看原始评议票（ballots --confirm）。"},
        subcommands = {EvaluationTokensCommand.class, EvaluationFormsCommand.class, EvaluationRunCommand.class,
                EvaluationBallotsCommand.class},
        footer = {"", "示例：",
                "  bipin evaluation tokens --scheme jinfeng-2024 --group enterprise --count 200 --out 企业令牌.csv",
                "  bipin evaluation tokens --scheme jinfeng-2024 --group peer_unit --unit fgj --count 3",
                "  bipin evaluation forms  --scheme jinfeng-2024",
                "  bipin evaluation run    --scheme jinfeng-2024 --period 2024",
                "  bipin evaluation ballots --scheme jinfeng-2024 --period 2024 --confirm --out 原始评议票.csv"})
class EvaluationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    public EvaluationCommand() {
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "请指定命令：tokens、forms、run 或 ballots");
    }
}
