package cn.bipin.delivery;

import cn.bipin.run.Commands;

import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * One row of the {@code delivery} table: what was attempted for one recipient and how it ended.
 *
 * @param error   why the attempt failed; null unless {@link Status#FAILED}
 * @param emlPath the written file; null unless {@link Channel#EML} and written
 */
public record DeliveryRecord(
        Long id,
        Long runId,
        String recipientName,
        String recipientEmail,
        String subject,
        Channel channel,
        Status status,
        String error,
        String emlPath,
        LocalDateTime createdAt) {

    /** How the message left: through the SMTP server, or as a file in the outbox. */
    public enum Channel { SMTP, EML }

    /**
     * SENT: accepted by the SMTP server; WRITTEN: saved to the outbox; PENDING: not sent yet after retries, tried
     * again by {@code deliver} and the scheduler; HELD: kept back for a statistician to release; SENDING: claimed
     * by one process right now, or — when that process died — perhaps sent, perhaps not: never sent again without a
     * statistician's {@code deliver --resend}; FAILED: cannot be sent as it is (e.g. a malformed address), see {@code error}.
     */
    public enum Status {
        SENT, WRITTEN, PENDING, HELD, SENDING, FAILED;

        /** Whether the recipient has, or is still to get, this message: never send it to them again. */
        public boolean live() {
            return this != FAILED;
        }
    }

    /** The outcome in the statisticians' words, e.g. 未配置邮件服务器，已写入 data/outbox/…eml. */
    public String describe() {
        return switch (status) {
            case SENT -> "已发送";
            case WRITTEN -> "未配置邮件服务器，已写入 " + Path.of(emlPath).toAbsolutePath();
            case PENDING -> "仍未发出，稍后自动重试（或 " + Commands.retryMail() + "）—— " + error;
            case HELD -> "暂缓发送，核实后 " + Commands.release(runId);
            case SENDING -> "可能已发送，请核实（发送时进程中断，不会自动重发；确认对方未收到后用 " + Commands.resend(id) + " 重发）";
            case FAILED -> "发送失败 —— " + error;
        };
    }
}
