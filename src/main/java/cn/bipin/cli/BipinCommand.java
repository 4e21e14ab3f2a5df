package cn.bipin.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command. */
@Command(name = "bipin", mixinStandardHelpOptions = true, version = "bipin 0.1.0",
        description = "比拼：考核评比数据处理。读取各单位报送，校验、计分、排名，生成晾晒榜单并发送。",
        subcommands = {DemoCommand.class, RunCommand.class, RestartCommand.class, StatusCommand.class, TemplateCommand.class,
                DeliverCommand.class, BackupCommand.class, CollectCommand.class, RemindCommand.class, ServeCommand.class, EvaluationCommand.class,
                IncentivesCommand.class, TargetsCommand.class, FlagCommand.class, LiaisonCommand.class},
        footer = {"", "退出码：0 成功；1 运行失败；2 用法或输入有误（未运行）；3 运行完成但部分邮件未发出（见 status，用 deliver 补发）。"})
class BipinCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** With no command: the list of every command, so a first-time user sees what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new ParameterException(spec.commandLine(), "请指定命令（见上面的命令列表）");
    }
}
