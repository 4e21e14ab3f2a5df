package cn.bipin.cli;

import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.MaxValuesExceededException;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import cn.bipin.run.Faults;
import cn.bipin.run.RunFaultException;
import cn.bipin.run.RunRequestException;
import cn.bipin.scheme.SchemeException;

/** Turns bad input into one Chinese line and exit code 2; anything else is a failure with exit code 1. */
class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof SchemeException || e instanceof RunRequestException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("错误：" + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof RunFaultException) {
            cmd.getErr().println("错误：" + e.getMessage());
            return ExitCodes.RUN_FAILED;
        }
        var fault = Faults.describe(e);
        if (fault.isPresent()) {
            cmd.getErr().println("错误：" + fault.get());
            return ExitCodes.RUN_FAILED;
        }
        cmd.getErr().println("运行出错：" + e.getMessage());
        e.printStackTrace(cmd.getErr());
        return ExitCodes.RUN_FAILED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("错误：" + chinese(e));
        cmd.getErr().println("用法见：" + cmd.getCommandSpec().qualifiedName() + " --help");
        return ExitCodes.BAD_INPUT;
    }

    /** picocli's own messages are English; the statistician reads these instead. */
    static String chinese(ParameterException e) {
        if (e instanceof MissingParameterException missing) {
            return "缺少必填的" + missing.getMissing().stream().map(a -> a.isOption()
                    ? "选项 " + ((OptionSpec) a).longestName() : "参数 " + a.paramLabel())
                    .collect(Collectors.joining("、"));
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> args = unmatched.getUnmatched();
            List<String> suggestions = unmatched.getSuggestions();
            return "无法识别的参数：" + String.join(" ", args)
                    + (suggestions.isEmpty() ? "" : "（是不是要用 " + String.join("、", suggestions) + "？）");
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            return "选项 " + overwritten.getOverwritten().paramLabel() + " 只能给一次";
        }
        if (e instanceof MaxValuesExceededException) {
            return "参数太多：" + e.getMessage();
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            Class<?> type = e.getArgSpec().type();
            boolean number = type == int.class || type == long.class || type == Integer.class || type == Long.class;
            String name = e.getArgSpec().isOption() ? ((OptionSpec) e.getArgSpec()).longestName() : e.getArgSpec().paramLabel();
            return name + "：'" + e.getValue() + "' " + (number ? "不是整数" : "不是有效的值");
        }
        return e.getMessage() != null && e.getMessage().startsWith("请") ? e.getMessage() : "用法有误：" + e.getMessage();
    }
}
