package cn.bipin.calendar;

import java.nio.file.Path;

/** A calendar file that cannot be used, or a date no calendar file covers; the message says which, in Chinese. */
public class CalendarException extends RuntimeException {

    CalendarException(Path file, String key, String problem) {
        super("工作日历文件 " + file + (key.isEmpty() ? "" : " 的 " + key) + "：" + problem);
    }

    CalendarException(String message) {
        super(message);
    }
}
