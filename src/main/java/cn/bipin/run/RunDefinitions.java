package cn.bipin.run;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.bipin.scheme.Cycle;

/** Every job a run can be, as the features declared them: looked up by kind and cycle, never by name. */
@Component
class RunDefinitions {

    private final List<RunDefinition> definitions;

    RunDefinitions(List<RunDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    Optional<RunDefinition> find(RunKind kind, Cycle cycle) {
        return definitions.stream().filter(d -> d.kind() == kind && d.cycles().contains(cycle)).findFirst();
    }
}
