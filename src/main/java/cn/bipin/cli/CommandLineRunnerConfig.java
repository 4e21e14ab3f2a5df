package cn.bipin.cli;

import java.util.ResourceBundle;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/** Runs the picocli command given on the command line inside the Spring context and keeps its exit code. */
@Component
@ConditionalOnProperty(name = "bipin.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineRunnerConfig implements CommandLineRunner, ExitCodeGenerator {

    private final ApplicationContext context;
    private int exitCode;

    CommandLineRunnerConfig(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(String... args) {
        if (System.console() != null && !(args.length > 0 && args[0].equals("serve"))) {
            // at a terminal the progress lines and the final report say it all; warnings and errors still show
            LoggingSystem.get(getClass().getClassLoader()).setLogLevel("cn.bipin", LogLevel.WARN);
        }
        exitCode = commandLine(context).execute(args);
    }

    /** The command line with its commands created as Spring beans, and bad input mapped to exit code 2. */
    static CommandLine commandLine(ApplicationContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return context.getAutowireCapableBeanFactory().createBean(type);
                } catch (Exception e) {
                    return CommandLine.defaultFactory().create(type);
                }
            }
        };
        return new CommandLine(BipinCommand.class, factory)
                .setResourceBundle(ResourceBundle.getBundle("bipin-cli"))
                .setExecutionExceptionHandler(new ErrorHandler())
                .setParameterExceptionHandler(new ErrorHandler());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
