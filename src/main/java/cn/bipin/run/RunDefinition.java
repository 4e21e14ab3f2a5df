package cn.bipin.run;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.batch.core.job.Job;

import cn.bipin.scheme.Cycle;
import cn.bipin.scheme.Period;
import cn.bipin.scheme.Scheme;

/**
 * What the run framework needs to know of a job, declared as a bean beside the job by its feature: which kind of run
 * it makes for which cycles, what must hold before it may start, where its revisions write, and — for the kinds a
 * quarterly or annual run includes — when such a nested run has nothing to do.
 *
 * @param folder the revision folder's parent under {@code <output>/<scheme>/}, e.g. {@code 2024-07},
 *               {@code 2024-evaluation}, {@code incentives/2024-Q3}
 * @param publish the run's mail to its recipients: the task of its delivery step, called again to release a preview
 * @param nested  why a run of this kind made inside another run is skipped, if it is (no data yet, not configured)
 */
public record RunDefinition(RunKind kind, Set<Cycle> cycles, Job job, Check check, Function<Period, String> folder,
        RunTask publish, Nested nested) {

    /** Refuses a request before anything is read or recorded: throws {@link RunRequestException} with the reason. */
    @FunctionalInterface
    public interface Check {
        void check(Scheme scheme, Period period);
    }

    /** For a kind included in another run: the reason (for the log and the terminal) to make no run this time. */
    @FunctionalInterface
    public interface Nested {
        Optional<String> skipReason(Scheme scheme, Period period);
    }

    public RunDefinition {
        cycles = Set.copyOf(cycles);
        nested = nested == null ? (scheme, period) -> Optional.empty() : nested;
    }
}
