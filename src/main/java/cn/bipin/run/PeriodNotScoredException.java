package cn.bipin.run;

/** A period the scheme does not score (another year, or before the campaign started): nothing to run. */
public class PeriodNotScoredException extends RunRequestException {

    public PeriodNotScoredException(String message) {
        super(message);
    }
}
