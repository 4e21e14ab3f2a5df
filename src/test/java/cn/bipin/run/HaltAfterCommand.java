package cn.bipin.run;

import org.springframework.boot.SpringApplication;

import cn.bipin.BipinApplication;

/**
 * The application's command line, stopped the instant the command has printed its report — before Spring closes the
 * database — as {@code kill -9} right after "完成" does. Exit code 99 says it got that far.
 */
public final class HaltAfterCommand {

    private HaltAfterCommand() {
    }

    public static void main(String[] args) {
        SpringApplication.run(BipinApplication.class, args);
        System.out.flush();
        Runtime.getRuntime().halt(99);
    }
}
