package cn.bipin.run;

/** What a run's ingest step received: files taken and refused whole, rows accepted and rejected. */
public record IngestCounts(int filesAccepted, int filesRejected, int rowsAccepted, int rowsRejected) {

    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0);
}
