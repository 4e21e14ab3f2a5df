package cn.bipin.scheme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

/** Finds scheme files by id under the jobs directory and loads them, validated. */
@Component
public class SchemeRepository {

    private final Path dir;

    public SchemeRepository(SchemeProperties properties) {
        this.dir = properties.jobsDir();
    }

    public Scheme load(String id) {
        Path file = dir.resolve(id + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new SchemeException("找不到方案文件 " + file + "；现有方案：" + String.join("、", ids()));
        }
        return SchemeLoader.load(file);
    }

    /** Ids of the scheme files present. */
    public List<String> ids() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.startsWith("schedule"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
