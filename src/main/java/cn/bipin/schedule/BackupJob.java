package cn.bipin.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import cn.bipin.run.DatabaseBackup;

/** The daily copy of the embedded database ({@code backup_cron} in the schedule file). */
@DisallowConcurrentExecution
public class BackupJob implements Job {

    private final DatabaseBackup backup;

    public BackupJob(DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (backup.embedded()) {
            backup.backup();
        }
    }
}
