package cn.bipin.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

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
        cmd.getErr().println("运行出错：" + e.getMessage());
        e.printStackTrace(cmd.getErr());
        return ExitCodes.RUN_FAILED;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("错误：" + e.getMessage());
        cmd.getErr().println("用法见：" + cmd.getCommandSpec().qualifiedName() + " --help");
        return ExitCodes.BAD_INPUT;
    }
}
