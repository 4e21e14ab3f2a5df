package cn.bipin.run;

/**
 * A run stopped by a fault of the machine (the database gone, the disk full) that could not even be recorded on the
 * run; the message says so in Chinese, with what to do once the fault is repaired.
 */
public class RunFaultException extends RuntimeException {

    RunFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
