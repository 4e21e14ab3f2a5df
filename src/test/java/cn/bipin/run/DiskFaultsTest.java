package cn.bipin.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.bipin.testsupport.FaultChild;
import cn.bipin.testsupport.FaultFixture;

/**
 * The disk under faults: the outbox on a small file system of its own (tmpfs), filled so that two leaders' .eml fit
 * and the third does not. The run must say so (部分未发送, exit 3), leave no partial file, and {@code deliver} must
 * write exactly the missing one once space is back. Mounting needs root (or CAP_SYS_ADMIN); without it the test is
 * skipped, saying why.
 */
class DiskFaultsTest {

    static Map<String, String> unfaulted;
    static long largestEml;

    Path mounted;

    @BeforeAll
    static void unfaultedRun() throws IOException {
        Path machine = FaultFixture.machine("bipin-disk-clean");
        int code = FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("run.log"), "run",
                "monthly", "--scheme", FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        assertThat(code).as(FaultChild.read(machine.resolve("run.log"))).isZero();
        unfaulted = FaultFixture.csvs(machine);
        try (Stream<Path> emls = Files.list(machine.resolve("data/outbox"))) {
            largestEml = emls.mapToLong(DiskFaultsTest::size).max().orElseThrow();
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Item 3: the outbox disk fills up at the third leader's message. */
    @Test
    void aFullOutboxLeavesNoPartialFileAndDeliverWritesTheMissingOneOnce() throws Exception {
        Path machine = FaultFixture.machine("bipin-disk-fault");
        Path outbox = machine.resolve("data/outbox");
        mountTmpfs(outbox, 4 * 1024 * 1024);
        // room for two of the largest messages and half a third (tmpfs counts whole 4 KiB pages)
        Path filler = outbox.resolve("filler.bin");
        long room = Files.getFileStore(outbox).getUsableSpace();
        fill(filler, room - (2 * largestEml + largestEml / 2) - 2 * 4096);

        int run = FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("run.log"), "run",
                "monthly", "--scheme", FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        String out = FaultChild.read(machine.resolve("run.log"));
        assertThat(run).as(out).isEqualTo(3);
        assertThat(out).contains("完成，部分未发送", "磁盘空间不足：" + outbox.toAbsolutePath(), "bipin deliver");
        assertThat(emls(outbox)).as("two complete messages, no partial file").hasSize(2)
                .allSatisfy((recipient, file) -> assertThat(complete(file)).isTrue());
        assertThat(names(outbox)).allMatch(n -> n.endsWith(".eml") || n.equals("filler.bin"));

        FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("status.log"), "status");
        assertThat(FaultChild.read(machine.resolve("status.log"))).contains("部分未发送", "磁盘空间不足");

        Files.delete(filler); // space is back
        int deliver = FaultChild.run(machine, FaultFixture.properties(machine, null), machine.resolve("deliver.log"), "deliver");
        assertThat(deliver).as(FaultChild.read(machine.resolve("deliver.log"))).isZero();
        Map<String, Path> written = emls(outbox);
        assertThat(written.keySet()).containsExactlyInAnyOrder(FaultFixture.LEADERS);
        assertThat(written.values()).allMatch(DiskFaultsTest::complete);
        assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
    }

    /**
     * Item 7: the disk of the H2 database fills up as a run starts. One Chinese line (磁盘空间不足, naming the database's disk), no
     * stack trace; with space back, the next start marks the run failed and the period runs again with the scores of an
     * unfaulted run.
     */
    @Test
    void aFullDatabaseDiskIsOneLineAndRestartFinishesTheRun() throws Exception {
        Path machine = FaultFixture.machine("bipin-disk-db");
        Path db = machine.resolve("data/db");
        mountTmpfs(db, 32 * 1024 * 1024);
        Map<String, String> props = FaultFixture.properties(machine, null);
        assertThat(FaultChild.run(machine, props, machine.resolve("status0.log"), "status")).isZero(); // migrated
        Path filler = db.resolve("filler.bin");
        fill(filler, Files.getFileStore(db).getUsableSpace() - 64 * 1024); // 64 KiB left: less than a run writes

        int run = FaultChild.run(machine, props, machine.resolve("run.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        String out = FaultChild.read(machine.resolve("run.log"));
        assertThat(run).as(out).isEqualTo(1);
        assertThat(out).contains("磁盘空间不足：数据库所在的磁盘").doesNotContain("\tat ", "MVStoreException:");
        assertThat(out.lines().filter(l -> l.startsWith("错误：")).toList()).as(out).hasSize(1);

        Files.delete(filler);
        assertThat(FaultChild.run(machine, props, machine.resolve("status.log"), "status")).isZero();
        String status = FaultChild.read(machine.resolve("status.log"));
        assertThat(status).contains("#1", "失败");
        // the disk filled before the run's first step could be recorded: it is run again, as its next revision
        int again = FaultChild.run(machine, props, machine.resolve("again.log"), "run", "monthly", "--scheme",
                FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
        assertThat(again).as(FaultChild.read(machine.resolve("again.log"))).isZero();
        // the same rows as the unfaulted run's, revision 2 in the revision column instead of 1
        assertThat(FaultFixture.csvs(machine).values().stream()
                .map(csv -> csv.replace(",monthly," + FaultFixture.PERIOD + ",2,", ",monthly," + FaultFixture.PERIOD + ",1,"))
                .toList()).containsExactlyInAnyOrderElementsOf(unfaulted.values());
    }

    private void mountTmpfs(Path dir, long bytes) throws Exception {
        Files.createDirectories(dir);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (needs root): " + why);
        mounted = dir;
    }

    private static void fill(Path file, long bytes) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long n = 0; n < bytes; n += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - n));
            }
        }
    }

    /** The .eml files in the outbox, by their one recipient. */
    private static Map<String, Path> emls(Path outbox) throws Exception {
        Map<String, Path> byRecipient = new TreeMap<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                Path previous = byRecipient.put(((InternetAddress) message(f).getAllRecipients()[0]).getAddress(), f);
                assertThat(previous).as("one message per recipient").isNull();
            }
        }
        return byRecipient;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    /** A message that parses to the end: its multipart has the closing boundary and both attachments. */
    private static boolean complete(Path eml) {
        try {
            MimeMessage m = message(eml);
            jakarta.mail.Multipart parts = (jakarta.mail.Multipart) m.getContent();
            return parts.getCount() == 3 && ((jakarta.mail.internet.MimeMultipart) parts).isComplete();
        } catch (Exception e) {
            return false;
        }
    }

    private static MimeMessage message(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
