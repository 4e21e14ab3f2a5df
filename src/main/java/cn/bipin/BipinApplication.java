package cn.bipin;

import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

import cn.bipin.cli.StatusApplication;
import cn.bipin.run.Faults;

/** Entry point: the command line (see {@code cn.bipin.cli}) runs inside the Spring context. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BipinApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context;
        try {
            if (StatusApplication.handles(args)) {
                // status reads a few tables: a light context answers it in about a second
                OptionalInt code = StatusApplication.run(args);
                if (code.isPresent()) {
                    System.exit(code.getAsInt());
                    return;
                }
            }
            context = SpringApplication.run(BipinApplication.class, args);
        } catch (RuntimeException e) {
            // the database unreachable, wrongly addressed or full at start: one line, not Flyway's stack trace
            Optional<String> fault = Faults.describe(e);
            if (fault.isEmpty()) {
                throw e;
            }
            System.err.println("错误：" + fault.get());
            System.exit(1);
            return;
        }
        System.exit(SpringApplication.exit(context));
    }
}
