package cn.bipin.run;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import cn.bipin.report.OutputProperties;
import cn.bipin.scheme.Period;

/** Where a revision writes: {@code <output>/<scheme>/<the kind's folder for the period>/r<revision>/}. */
@Component
class RunFolders {

    private final OutputProperties output;

    RunFolders(OutputProperties output) {
        this.output = output;
    }

    RunRepository.RevisionFolder of(RunDefinition definition, String scheme, Period period) {
        Path parent = output.dir().resolve(scheme).resolve(definition.folder().apply(period));
        return revision -> parent.resolve("r" + revision);
    }
}
