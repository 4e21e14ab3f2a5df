package cn.bipin.appeal;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.bipin.inbox.InboxProperties;
import cn.bipin.scheme.Scheme;

/**
 * Reads the new files of a scheme's appeals inbox ({@code <inbox>/<scheme>/<year>-appeals/}) into the ledger, oldest
 * first: each distinct file once (an identical copy is a duplicate, skipped), archived by checksum, every row stored
 * as received, accepted as the next version of its case or rejected with its reason. One bad file never stops the
 * others. The file's received time is its modification time in the office's zone ({@code bipin.mail.zone}).
 */
@Service
public class AppealIngest {


    private final AppealLedger ledger;
    private final InboxProperties inbox;
    private final ZoneId zone;

    AppealIngest(AppealLedger ledger, InboxProperties inbox, @Value("${bipin.mail.zone:Asia/Shanghai}") ZoneId zone) {
        this.ledger = ledger;
        this.inbox = inbox;
        this.zone = zone;
    }

    /** The folder a scheme's ledger files of its year go to. */
    public Path inboxDir(Scheme scheme) {
        return inbox.dir().resolve(scheme.id()).resolve(folder(scheme));
    }

    static String folder(Scheme scheme) {
        return scheme.year() + "-appeals";
    }

    public LedgerFileIngest.Counts ingest(Scheme scheme, long runId) {
        if (!AppealRules.configured(scheme)) {
            return LedgerFileIngest.Counts.NONE;
        }
        AppealRules rules = AppealRules.of(scheme);
        AppealRowValidator validator = new AppealRowValidator(scheme, rules);
        var files = new LedgerFileIngest.Ledger(rules.title(), "台账文件", AppealColumns.ALL, AppealColumns.SHEET);
        return new LedgerFileIngest<>(files, ledger, zone).ingest(scheme.id(), scheme.year(), inboxDir(scheme),
                inbox.archive().resolve(scheme.id()).resolve(folder(scheme)),
                new LedgerFileIngest.Checker<AppealRowValidator.Checked>() {
                    @Override
                    public AppealRowValidator.Checked check(LedgerTable table, LedgerTable.LedgerRow row) {
                        return validator.check(table, row);
                    }

                    @Override
                    public String acceptedId(AppealRowValidator.Checked checked) {
                        return checked.accepted() ? checked.appeal().caseId() : null;
                    }
                }, runId);
    }
}
