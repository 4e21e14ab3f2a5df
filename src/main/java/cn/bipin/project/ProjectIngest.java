package cn.bipin.project;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.bipin.appeal.LedgerFileIngest;
import cn.bipin.appeal.LedgerTable;
import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;

/**
 * Reads the new files of a scheme's project-list inbox ({@code <inbox>/<scheme>/<year>-projects/}) into the store, oldest
 * first: each distinct file once (an identical copy is a duplicate, skipped), archived by checksum, every row stored
 * as received, accepted as the next version of its project or rejected with its reason. One bad file never stops the
 * others. The file's received time is its modification time in the office's zone ({@code bipin.mail.zone}).
 */
@Service
public class ProjectIngest {


    private final ProjectLedger ledger;
    private final InboxProperties inbox;
    private final ZoneId zone;

    ProjectIngest(ProjectLedger ledger, InboxProperties inbox, @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.ledger = ledger;
        this.inbox = inbox;
        this.zone = zone;
    }

    /** The folder a scheme's ledger files of its year go to. */
    public Path inboxDir(Scheme scheme) {
        return inbox.dir().resolve(scheme.id()).resolve(folder(scheme));
    }

    static String folder(Scheme scheme) {
        return scheme.year() + "-projects";
    }

    public LedgerFileIngest.Counts ingest(Scheme scheme, long runId) {
        if (!ProjectRules.configured(scheme)) {
            return LedgerFileIngest.Counts.NONE;
        }
        ProjectRules rules = ProjectRules.of(scheme);
        ProjectRowValidator validator = new ProjectRowValidator(scheme, rules);
        var files = new LedgerFileIngest.Ledger(rules.title(), "项目清单文件", ProjectColumns.ALL, ProjectColumns.SHEET);
        return new LedgerFileIngest<>(files, ledger, zone).ingest(scheme.id(), scheme.year(), inboxDir(scheme),
                inbox.archive().resolve(scheme.id()).resolve(folder(scheme)),
                new LedgerFileIngest.Checker<ProjectRowValidator.Checked>() {
                    @Override
                    public ProjectRowValidator.Checked check(LedgerTable table, LedgerTable.LedgerRow row) {
                        return validator.check(table, row);
                    }

                    @Override
                    public String acceptedId(ProjectRowValidator.Checked checked) {
                        return checked.accepted() ? checked.project().projectId() : null;
                    }
                }, runId);
    }
}
