package cn.bipin.run;

import java.util.Optional;

/**
 * Faults of the machine rather than of the input — a full disk, a database that is gone, busy or wrongly addressed —
 * told in one Chinese line a statistician can act on, instead of the stack trace of whichever library met it first.
 */
public final class Faults {

    private Faults() {
    }

    /** The fault in one line, or empty when {@code e} is not one of these (a bug, bad input): then the caller decides. */
    public static Optional<String> describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = oneLine(t.getMessage());
            if (diskFull(m)) {
                String where = file(e).orElse(fromH2(e) ? "数据库所在的磁盘（bipin.db.url）" : "");
                return Optional.of("磁盘空间不足：" + (where.isEmpty() ? m : where + "（" + m + "）")
                        + "。请清理磁盘后再运行（中断的运行用 restart 继续）");
            }
            if (m.contains("File corrupted") || m.contains("is not a valid H2 database") || m.contains("Unsupported database file version")
                    || t.getClass().getName().equals("org.h2.mvstore.MVStoreException") && m.startsWith("Reading from file")) {
                return Optional.of("数据库文件已损坏（" + (m.length() > 200 ? m.substring(0, 200) + "…" : m)
                        + "）；请从备份恢复，见 README「备份与恢复」");
            }
            if (m.contains("Database may be already in use")) {
                return Optional.of("数据库文件正被另一个程序独占打开（" + between(m, "\"", "\"") + "）；请等它结束或关闭它后再试");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = oneLine(t.getMessage());
            String type = t.getClass().getName();
            if (m.contains("No suitable driver") || m.contains("URL format error") || m.contains("Driver claims to not accept")
                    || m.contains("Unknown database") || m.contains("Access denied for user")
                    || m.contains("Wrong user name or password")) {
                return Optional.of("数据库地址或账号有误（BIPIN_DB_URL / bipin.db.url）：" + root(e) + "；请改正后再试");
            }
            if (t instanceof java.net.ConnectException || m.contains("Connection refused") || m.contains("Socket fail to connect")
                    || m.contains("Could not connect to") || m.contains("Connection is not available")
                    || m.contains("Failed to obtain JDBC Connection") || type.endsWith("CannotGetJdbcConnectionException")
                    || type.endsWith("SQLTransientConnectionException")) {
                return Optional.of("无法连接数据库（" + root(e) + "）；请检查数据库服务是否在运行，恢复后再试（中断的运行用 restart 继续）");
            }
            if (t instanceof java.net.SocketException || type.endsWith("SQLNonTransientConnectionException")
                    || m.contains("Connection reset") || m.contains("Communications link failure")
                    || m.contains("socket closed") || m.contains("Connection closed") || m.contains("unexpected end of stream")) {
                return Optional.of("数据库连接中断（" + root(e) + "）；请检查数据库服务，恢复后再试（中断的运行用 restart 继续）");
            }
        }
        return Optional.empty();
    }

    /** The file a message in the chain names in quotes (H2: IO Exception: "/…/bipin.mv.db"), if any. */
    private static Optional<String> file(Throwable e) {
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("\"((?:/|[A-Za-z]:\\\\)[^\"]+)\"");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            java.util.regex.Matcher m = quoted.matcher(oneLine(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static boolean fromH2(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.h2.")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a message says the disk is full. */
    public static boolean diskFull(String message) {
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota exceeded")
                || message.contains("There is not enough space on the disk"));
    }

    private static String root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = oneLine(root.getMessage());
        return m.isEmpty() ? root.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    private static String between(String m, String open, String close) {
        int a = m.indexOf(open);
        int b = a < 0 ? -1 : m.indexOf(close, a + 1);
        return a < 0 || b < 0 ? m : m.substring(a + 1, b);
    }
}
