package cn.bipin.scheme;

import java.nio.file.Path;

/** A scheme file that cannot be used; the message names the file, the key and the problem, in Chinese. */
public class SchemeException extends RuntimeException {

    public SchemeException(Path file, String key, String problem) {
        super("方案文件 " + file + (key.isEmpty() ? "" : " 的 " + key) + "：" + problem);
    }

    public SchemeException(String message) {
        super(message);
    }
}
