package cn.bipin.submission;

import cn.bipin.inbox.ValueParser;

/**
 * A whole file cannot be read as a submission (empty, corrupt, wrong type, wrong columns). Its message is
 * Chinese and names the file, so it can go back to the unit's clerk unchanged; row-level problems are not
 * thrown but reported per row by {@link ValueParser}.
 */
class FileRejectedException extends RuntimeException {

    private final String fileName;
    private final String reason;

    public FileRejectedException(String fileName, String reason) {
        this(fileName, reason, null);
    }

    public FileRejectedException(String fileName, String reason, Throwable cause) {
        super("文件 " + fileName + "：" + reason, cause);
        this.fileName = fileName;
        this.reason = reason;
    }

    public String fileName() {
        return fileName;
    }

    /** The reason without the file name, e.g. 文件已损坏或不是Excel文件. */
    public String reason() {
        return reason;
    }
}
