package cn.bipin.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.bipin.testsupport.ChildJvm;
import cn.bipin.testsupport.JobTestSupport;

/**
 * The office mailbox's password (environment variable {@code BIPIN_IMAP_PASSWORD}, issue 18 item 6) appears in no
 * output and no log of {@code collect} — neither when the server refuses it nor when it logs in — nor in
 * {@code status}. The command line runs in JVMs of its own, as cron would start it, against GreenMail's IMAP with
 * authentication on.
 */
class MailboxPasswordTest {

    static final String RIGHT = "Zq7-right-Mailbox-Secret";
    static final String WRONG = "Xk4-wrong-Mailbox-Secret";
    static GreenMail imap;
    static Path work;

    @BeforeAll
    static void start() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        imap.setUser("office@pwtest.example", "office", RIGHT);
        work = JobTestSupport.tempDir("bipin-mailpw");
    }

    @AfterAll
    static void stop() {
        imap.stop();
    }

    @Test
    void thePasswordIsInNoOutputNorLogOfCollectAndStatus() throws Exception {
        String refused = run("wrong.log", WRONG, "collect");
        String collected = run("right.log", RIGHT, "collect");
        String status = run("status.log", RIGHT, "status");

        // refused: the message names user, host and port only
        assertThat(refused).contains("无法读取邮箱 office@127.0.0.1:" + imap.getImap().getPort());
        // accepted: an empty mailbox collected
        assertThat(collected).contains("收取邮件 0 封");
        assertThat(status).contains("编号");
        for (String out : new String[] {refused, collected, status}) {
            assertThat(out).doesNotContain(RIGHT, WRONG);
        }
        try (var logs = Files.walk(work)) {
            for (Path f : logs.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log")).toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).doesNotContain(RIGHT, WRONG);
            }
        }
    }

    private static String run(String log, String password, String... args) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", "jdbc:h2:file:" + work.resolve("db").toAbsolutePath()
                + "/bipin;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
        p.put("bipin.inbox.dir", work.resolve("inbox").toString());
        p.put("bipin.inbox.archive", work.resolve("archive").toString());
        p.put("bipin.output.dir", work.resolve("out").toString());
        p.put("bipin.mail.outbox", work.resolve("outbox").toString());
        p.put("bipin.jobs-dir", "src/test/resources/jobs");
        p.put("logging.file.name", work.resolve("bipin.log").toString());
        p.put("bipin.mailbox.host", "127.0.0.1");
        p.put("bipin.mailbox.port", String.valueOf(imap.getImap().getPort()));
        p.put("bipin.mailbox.tls", "false");
        p.put("bipin.mailbox.user", "office");
        Path out = work.resolve(log);
        Process child = ChildJvm.start(p, Map.of("BIPIN_IMAP_PASSWORD", password), out, args);
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
