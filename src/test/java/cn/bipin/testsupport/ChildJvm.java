package cn.bipin.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the application's command line in a JVM of its own, as a second statistician or a cron job would. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param properties system properties, e.g. the database URL and folders of the test
     * @param log        where the child's output goes
     */
    public static Process start(Map<String, String> properties, Path log, String... args) {
        return start(properties, Map.of(), log, args);
    }

    /** As {@link #start(Map, Path, String...)}, with environment variables added to the child's environment. */
    public static Process start(Map<String, String> properties, Map<String, String> environment, Path log,
                                String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("cn.bipin.BipinApplication");
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(new File(System.getProperty("user.dir")));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
