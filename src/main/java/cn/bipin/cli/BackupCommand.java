package cn.bipin.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import cn.bipin.run.DatabaseBackup;

/** {@code backup}: a consistent copy of the embedded database, also while a run is under way. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"备份内置的 H2 数据库：写入 data/backup/bipin-<日期-时间>.zip（运行中也可以备份，得到的是同一时刻的完整数据），",
                "保留最近 14 份（bipin.backup.keep）。调度进程（serve）每天自动备份一次（jobs/schedule.yaml 的 backup_cron）。",
                "恢复方法见 README「备份与恢复」。MariaDB 请用服务器自带的工具备份。"})
class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final DatabaseBackup backup;

    BackupCommand(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public Integer call() {
        var zip = backup.backup();
        spec.commandLine().getOut().println("数据库已备份到 " + zip);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
