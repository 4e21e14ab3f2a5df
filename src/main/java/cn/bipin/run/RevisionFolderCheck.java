package cn.bipin.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import cn.bipin.report.OutputProperties;

/** Every revision folder ({@code r<N>/}) under the output folder must be a run the database knows. */
@Component
class RevisionFolderCheck implements DiskCheck {

    private final OutputProperties output;
    private final RunRepository runs;

    RevisionFolderCheck(OutputProperties output, RunRepository runs) {
        this.output = output;
        this.runs = runs;
    }

    @Override
    public List<String> disagreements() {
        Path root = output.dir().toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Set<Path> known = runs.outputDirs().stream().map(d -> Path.of(d).toAbsolutePath().normalize())
                .collect(Collectors.toSet());
        try (Stream<Path> dirs = Files.walk(root, 6)) {
            return dirs.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("r\\d+"))
                    .filter(d -> !insideRevision(root, d)).filter(d -> !known.contains(d)).sorted()
                    .map(d -> "磁盘上有已发布的版本文件夹 " + d + "，数据库中没有这次运行").toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder named like r2 inside a revision folder is the revision's own content, not a revision. */
    private static boolean insideRevision(Path root, Path dir) {
        for (Path p = dir.getParent(); p != null && !p.equals(root); p = p.getParent()) {
            if (p.getFileName().toString().matches("r\\d+")) {
                return true;
            }
        }
        return false;
    }
}
