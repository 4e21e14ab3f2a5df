package cn.bipin.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * An office's machine for the fault-injection tests: a folder holding the scheme file (testville-2024 with three
 * leaders on its list), a June 2024 inbox every unit reported to, and — once a child JVM ran there — the default H2
 * database {@code data/db/bipin}, the outputs and the outbox.
 */
public final class FaultFixture {

    public static final String SCHEME = "testville-2024";
    public static final String PERIOD = "2024-06";
    public static final String[] LEADERS = {"duchashi@testville.example", "fuquzhang@testville.example",
            "quzhang@testville.example"};

    private FaultFixture() {
    }

    /** A fresh machine folder with scheme and inbox. */
    public static Path machine(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Path jobs = Files.createDirectories(dir.resolve("jobs"));
            String scheme = Files.readString(Path.of("src/test/resources/jobs/" + SCHEME + ".yaml"));
            Files.writeString(jobs.resolve(SCHEME + ".yaml"),
                    scheme + "  - { name: 区长,          email: " + LEADERS[2] + " }\n");
            LocalDateTime onTime = LocalDateTime.of(2024, 7, 10, 9, 0);
            Path inbox = dir.resolve("data/inbox").resolve(SCHEME).resolve(PERIOD);
            String[][] values = {{"d1", "0.45", "0.40", "0.90"}, {"d2", "0.30", "0.55", "1.00"},
                    {"t1", "0.60", "0.25", "0.80"}, {"t2", "0.20", "0.30", "0.70"}, {"t3", "0.50", "0.50", "0.95"}};
            for (String[] v : values) {
                JobTestSupport.csv(inbox.resolve(v[0] + ".csv"), onTime, "unit_code,period,dimension_code,value",
                        v[0] + "," + PERIOD + ",c2_start_rate," + v[1],
                        v[0] + "," + PERIOD + ",c2_invest_completion," + v[2],
                        v[0] + "," + PERIOD + ",c2_registration_rate," + v[3]);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties of a child on {@code machine}: its scheme folder, and mail through 127.0.0.1:{@code smtpPort}. */
    public static Map<String, String> properties(Path machine, Integer smtpPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bipin.jobs-dir", machine.resolve("jobs").toString());
        if (smtpPort != null) {
            p.put("spring.mail.host", "127.0.0.1");
            p.put("spring.mail.port", smtpPort.toString());
            // one try per message, so a refused connection leaves the row PENDING at once
            p.put("bipin.mail.attempts", "1");
        }
        return p;
    }

    /** Every CSV the runs wrote under {@code data/out}, by path relative to it. */
    public static Map<String, String> csvs(Path machine) {
        Path out = machine.resolve("data/out");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(out)) {
            for (Path f : (Iterable<Path>) all.filter(f -> f.toString().endsWith(".csv"))::iterator) {
                files.put(out.relativize(f).toString(), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** How many messages each address received. */
    public static Map<String, Integer> receivedBy(MimeMessage[] messages) {
        Map<String, Integer> counts = new TreeMap<>();
        try {
            for (MimeMessage m : messages) {
                for (Address a : m.getAllRecipients()) {
                    counts.merge(((InternetAddress) a).getAddress(), 1, Integer::sum);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Each leader exactly once. */
    public static Map<String, Integer> onceEach() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String leader : LEADERS) {
            counts.put(leader, 1);
        }
        return counts;
    }
}
