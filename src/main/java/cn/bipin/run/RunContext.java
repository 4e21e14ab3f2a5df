package cn.bipin.run;

import java.nio.file.Path;

import cn.bipin.scheme.Scheme;

/**
 * What a step's task gets: the run (its row as the step starts), its scheme as loaded for this step, and the mail
 * switches the run was started with.
 */
public record RunContext(Run run, Scheme scheme, boolean mail, boolean force) {

    /** The folder everything the run writes goes to. */
    public Path outputDir() {
        return Path.of(run.outputDir());
    }
}
