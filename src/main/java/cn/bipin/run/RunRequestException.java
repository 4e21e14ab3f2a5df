package cn.bipin.run;

/** A request that cannot be run as asked (nothing was read or recorded); the message is for the statistician. */
public class RunRequestException extends RuntimeException {

    public RunRequestException(String message) {
        super(message);
    }
}
