package cn.bipin.scheme;

/**
 * Which stretch of the year a dimension's target covers when it is decomposed from the annual target
 * (scheme-file key {@code target_scope}): the run's own period (the default: a cumulative figure against annual ×
 * 序时进度), the quarter the period lies in (季度进度目标), or the whole year (年度总量目标: the annual target itself).
 */
public enum TargetScope {
    PERIOD,
    QUARTER,
    YEAR;

    /** The period whose time progress (cumulative) or length (per period) scales the annual target. */
    public Period horizon(Period period) {
        return switch (this) {
            case PERIOD -> period;
            case QUARTER -> period.cycle().ordinal() >= Cycle.QUARTERLY.ordinal() ? period
                    : new Period(Cycle.QUARTERLY, period.year(), (period.lastMonth().getMonthValue() - 1) / 3 + 1);
            case YEAR -> new Period(Cycle.ANNUAL, period.year(), 1);
        };
    }
}
