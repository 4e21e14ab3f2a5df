package cn.bipin.run;

import java.nio.file.Path;

import cn.bipin.scheme.Scheme;

/**
 * What a step's task gets: the run (its row as the step starts), its scheme as loaded for this step, and the mail
 * switches the run was started with.
 *
 * @param release the run's mail is being released by a statistician after the run (a preview, or a held bulletin):
 *                send it now as this revision
 */
public record RunContext(Run run, Scheme scheme, boolean mail, boolean force, boolean release) {

    /** The folder everything the run writes goes to. */
    public Path outputDir() {
        return Path.of(run.outputDir());
    }
}
