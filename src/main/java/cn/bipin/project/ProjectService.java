package cn.bipin.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.bipin.results.LedgerFigures;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.ProjectRules;
import cn.bipin.scheme.Scheme;
import cn.bipin.scheme.Unit;

/**
 * The project lists' counts of a period, from the latest version of every project (DOMAIN §7.1 D9), offered to
 * scoring as the derived figures a scheme maps onto its dimensions ({@code projects.dimensions}).
 */
@Service
public class ProjectService implements LedgerFigures {

    private final ProjectLedger ledger;

    ProjectService(ProjectLedger ledger) {
        this.ledger = ledger;
    }

    /** Every project of the scheme's lists of the year, judged at the period's last day. */
    List<ProjectCounts.Judged> judged(Scheme scheme, Period period) {
        LocalDate end = period.lastMonth().atEndOfMonth();
        return ProjectCounts.judgeAll(ledger.latestProjects(scheme.id(), scheme.year()), ProjectRules.of(scheme),
                scheme.year(), end);
    }

    @Override
    public Map<String, Map<String, BigDecimal>> figures(Scheme scheme, Period period) {
        if (!ProjectRules.configured(scheme) || period.year() != scheme.year()) {
            return Map.of();
        }
        return ProjectCounts.figures(judged(scheme, period), scheme.units().stream().map(Unit::code).toList());
    }
}
