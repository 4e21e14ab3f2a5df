package cn.bipin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the command line (see {@code cn.bipin.cli}) runs inside the Spring context. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BipinApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(BipinApplication.class, args)));
    }
}
