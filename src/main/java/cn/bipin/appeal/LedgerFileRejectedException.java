package cn.bipin.appeal;

/** A ledger file refused as a whole, with the Chinese reason the unit reads. */
public class LedgerFileRejectedException extends RuntimeException {

    public LedgerFileRejectedException(String reason) {
        super(reason);
    }

    public LedgerFileRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
