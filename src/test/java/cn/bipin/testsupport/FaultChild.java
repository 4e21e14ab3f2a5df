package cn.bipin.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application's command line in a JVM of its own, started in a folder of the test's choosing: with no database
 * URL given it opens the default H2 file database ({@code ./data/db/bipin}) there, exactly as an office's machine does,
 * and can be killed like one.
 */
public final class FaultChild {

    private FaultChild() {
    }

    /** Starts {@code cn.bipin.BipinApplication} with {@code args} in {@code dir}; its output goes to {@code log}. */
    public static Process start(Path dir, Map<String, String> properties, Path log, String... args) {
        return startMain("cn.bipin.BipinApplication", dir, properties, log, args);
    }

    public static Process startMain(String mainClass, Path dir, Map<String, String> properties, Path log, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classPath());
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command to its end (at most two minutes) and returns its exit code. */
    public static int run(Path dir, Map<String, String> properties, Path log, String... args) {
        Process p = start(dir, properties, log, args);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("still running after 2 minutes: " + String.join(" ", args) + "\n" + read(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return p.exitValue();
    }

    /** Kills the JVM as {@code kill -9} does, and waits until it is gone. */
    public static void kill(Process p) {
        try {
            p.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (at most two minutes) until {@code log} contains {@code text}; false if the process ended first. */
    public static boolean awaitOutput(Process p, Path log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (read(log).contains(text)) {
                return true;
            }
            if (!p.isAlive()) {
                return read(log).contains(text);
            }
            Thread.sleep(5);
        }
        return false;
    }

    public static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class path with every entry absolute: the child starts in another folder. */
    private static String classPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
