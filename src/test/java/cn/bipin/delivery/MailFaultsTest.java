package cn.bipin.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import cn.bipin.testsupport.FaultChild;
import cn.bipin.testsupport.FaultFixture;
import cn.bipin.testsupport.FaultyProxy;
import cn.bipin.testsupport.JobTestSupport;

/**
 * Mail under faults, with the product as an office runs it: a child JVM on the default H2 file database, mailing
 * three leaders through a relay to a real SMTP server (GreenMail) that the test hangs, stops or kills the JVM behind.
 * After recovery every leader has the bulletin exactly once, the scores equal an unfaulted run's, and the
 * statistician was told what happened.
 */
class MailFaultsTest {

    /** The CSVs of a run nothing happened to, for comparison. */
    static Map<String, String> unfaulted;

    GreenMail greenMail;
    FaultyProxy smtp;
    Path machine;

    @BeforeAll
    static void unfaultedRun() {
        GreenMail mail = JobTestSupport.startGreenMail();
        try {
            Path machine = FaultFixture.machine("bipin-mail-clean");
            int code = FaultChild.run(machine, FaultFixture.properties(machine, mail.getSmtp().getPort()),
                    machine.resolve("run.log"), "run", "monthly", "--scheme", FaultFixture.SCHEME, "--period", FaultFixture.PERIOD);
            assertThat(code).as(FaultChild.read(machine.resolve("run.log"))).isZero();
            assertThat(FaultFixture.receivedBy(mail.getReceivedMessages())).isEqualTo(FaultFixture.onceEach());
            unfaulted = FaultFixture.csvs(machine);
            assertThat(unfaulted).isNotEmpty();
        } finally {
            mail.stop();
        }
    }

    @BeforeEach
    void start() {
        greenMail = JobTestSupport.startGreenMail();
        smtp = new FaultyProxy(greenMail.getSmtp().getPort());
        machine = FaultFixture.machine("bipin-mail-fault");
    }

    @AfterEach
    void stop() {
        smtp.close();
        greenMail.stop();
    }

    /** Item 1: killed while the second leader's message is with the server; the first is never mailed again. */
    @Test
    void aJvmKilledWhileSendingMailsNobodyTwice() throws Exception {
        smtp.holdAfter(1); // the first message goes through; the server then hangs on the second
        Process run = FaultChild.start(machine, props(), log("run.log"), "run", "monthly", "--scheme", FaultFixture.SCHEME,
                "--period", FaultFixture.PERIOD);
        awaitHeld(run, 1);
        FaultChild.kill(run);
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).containsExactlyEntriesOf(
                Map.of(FaultFixture.LEADERS[0], 1));
        // the first leader's SENT and the second's SENDING were committed before the kill; the third was never tried
        assertThat(deliveries()).containsExactly(FaultFixture.LEADERS[0] + " SENT", FaultFixture.LEADERS[1] + " SENDING");

        smtp.relay();
        int restart = FaultChild.run(machine, props(), log("restart.log"), "restart", "1");
        String restartOut = FaultChild.read(log("restart.log"));
        // the third leader is mailed now; the second, perhaps reached, is reported and not mailed again
        assertThat(restart).as(restartOut).isEqualTo(3);
        assertThat(restartOut).contains("部分未发送", FaultFixture.LEADERS[1] + ">：可能已发送，请核实", "bipin deliver --resend 2");
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).containsExactlyInAnyOrderEntriesOf(
                Map.of(FaultFixture.LEADERS[0], 1, FaultFixture.LEADERS[2], 1));

        // a plain deliver does not guess either; status shows the run as partly unsent
        int deliver = FaultChild.run(machine, props(), log("deliver.log"), "deliver");
        assertThat(deliver).isEqualTo(3);
        assertThat(FaultChild.read(log("deliver.log"))).contains("可能已发送，请向收件人核实", "[2] 分管副区长 <" + FaultFixture.LEADERS[1]);
        FaultChild.run(machine, props(), log("status.log"), "status");
        assertThat(FaultChild.read(log("status.log"))).contains("部分未发送", FaultFixture.LEADERS[1] + ">：可能已发送，请核实");

        // the statistician asked: the second leader has nothing, so it is sent again, once
        int resend = FaultChild.run(machine, props(), log("resend.log"), "deliver", "--resend", "2");
        assertThat(resend).as(FaultChild.read(log("resend.log"))).isZero();
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).isEqualTo(FaultFixture.onceEach());
        assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
    }

    /** Item 4: the server stops after the first message; the run says so (exit 3) and deliver sends the rest once. */
    @Test
    void aServerStoppedMidRunLeavesTheRunPartlyUnsentUntilDeliver() throws Exception {
        smtp.refuseAfter(1);
        int run = FaultChild.run(machine, props(), log("run.log"), "run", "monthly", "--scheme", FaultFixture.SCHEME,
                "--period", FaultFixture.PERIOD);
        String out = FaultChild.read(log("run.log"));
        assertThat(run).as(out).isEqualTo(3);
        assertThat(out).contains("完成，部分未发送", "2 位收件人尚未确认收到邮件", "bipin deliver");
        assertThat(deliveries()).containsExactly(FaultFixture.LEADERS[0] + " SENT", FaultFixture.LEADERS[1] + " PENDING",
                FaultFixture.LEADERS[2] + " PENDING");
        FaultChild.run(machine, props(), log("status.log"), "status");
        assertThat(FaultChild.read(log("status.log"))).contains("部分未发送");

        smtp.relay();
        int deliver = FaultChild.run(machine, props(), log("deliver.log"), "deliver");
        assertThat(deliver).as(FaultChild.read(log("deliver.log"))).isZero();
        int again = FaultChild.run(machine, props(), log("again.log"), "deliver");
        assertThat(again).isZero();
        assertThat(FaultChild.read(log("again.log"))).contains("没有待发的邮件");
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).isEqualTo(FaultFixture.onceEach());
        FaultChild.run(machine, props(), log("status2.log"), "status");
        assertThat(FaultChild.read(log("status2.log"))).doesNotContain("部分未发送").contains("完成");
        assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
    }

    /** Item 5: a deliver killed while sending leaves that message reported, never skipped in silence. */
    @Test
    void aDeliverKilledWhileSendingIsReportedNotSkipped() throws Exception {
        smtp.refuseAfter(0); // down for the whole run: all three PENDING
        int run = FaultChild.run(machine, props(), log("run.log"), "run", "monthly", "--scheme", FaultFixture.SCHEME,
                "--period", FaultFixture.PERIOD);
        assertThat(run).as(FaultChild.read(log("run.log"))).isEqualTo(3);

        smtp.relay();
        smtp.holdAfter(smtp.accepted()); // up again, but hangs on the first message of the deliver below
        Process deliver = FaultChild.start(machine, props(), log("deliver.log"), "deliver");
        awaitHeld(deliver, 1);
        FaultChild.kill(deliver);
        assertThat(deliveries()).containsExactly(FaultFixture.LEADERS[0] + " SENDING", FaultFixture.LEADERS[1] + " PENDING",
                FaultFixture.LEADERS[2] + " PENDING");

        smtp.relay();
        int next = FaultChild.run(machine, props(), log("next.log"), "deliver");
        String out = FaultChild.read(log("next.log"));
        assertThat(next).as(out).isEqualTo(3);
        assertThat(out).doesNotContain("没有待发的邮件").contains("可能已发送，请向收件人核实",
                "[1] 区委区政府督查室 <" + FaultFixture.LEADERS[0]);
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).containsExactlyInAnyOrderEntriesOf(
                Map.of(FaultFixture.LEADERS[1], 1, FaultFixture.LEADERS[2], 1));

        int resend = FaultChild.run(machine, props(), log("resend.log"), "deliver", "--resend");
        assertThat(resend).as(FaultChild.read(log("resend.log"))).isZero();
        assertThat(FaultFixture.receivedBy(greenMail.getReceivedMessages())).isEqualTo(FaultFixture.onceEach());
        assertThat(FaultFixture.csvs(machine)).isEqualTo(unfaulted);
    }

    private void awaitHeld(Process p, int held) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (smtp.held() < held && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(smtp.held()).as(FaultChild.read(log("run.log")) + FaultChild.read(log("deliver.log"))).isEqualTo(held);
    }

    private Map<String, String> props() {
        return FaultFixture.properties(machine, smtp.port());
    }

    private Path log(String name) {
        return machine.resolve(name);
    }

    /** "address STATUS" per delivery row, oldest first, read from the machine's H2 file after its JVMs ended. */
    private List<String> deliveries() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(h2Url(machine), "root", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select recipient_email, status from delivery where run_id is not null order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    static String h2Url(Path machine) {
        return "jdbc:h2:file:" + machine.resolve("data/db/bipin").toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE";
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
