package cn.bipin.appeal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.bipin.bulletin.BulletinSections;
import cn.bipin.report.TableSection;
import cn.bipin.run.Run;
import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Scheme;

/** The appeals ledger's part of the quarterly bulletin: the figures per unit and the three lists (DOMAIN §6.1). */
@Component
class AppealSections implements BulletinSections {

    private final AppealService appeals;

    AppealSections(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public List<TableSection> sections(Scheme scheme, Run run) {
        if (run.cycle() != Cycle.QUARTERLY || !AppealRules.configured(scheme) || run.period().year() != scheme.year()) {
            return List.of();
        }
        AppealRules rules = AppealRules.of(scheme);
        AppealFigures.Result r = appeals.report(scheme, run.period());
        return List.of(AppealTables.figures(scheme, rules, r, u -> true),
                AppealTables.overdue(rules, scheme, r, u -> true, true),
                AppealTables.wrongLevel(scheme, r, u -> true, true),
                AppealTables.open(rules, scheme, r, u -> true, true));
    }
}
