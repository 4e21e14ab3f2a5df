package cn.bipin.evaluation;

import java.util.List;

/**
 * One ballot line exactly as received, before validation, so that nothing is lost and a rejection can name where
 * it came from. The token is held only until it has been hashed; it is never stored, logged or printed.
 *
 * @param fileName    the received file's name
 * @param rowNumber   1-based, as Excel or a text editor shows it
 * @param group       the rater group the form or the CSV row declares (code or name), empty if missing
 * @param token       the rater token as typed
 * @param target      the rated unit's code as written
 * @param values      one raw value per scheme item, in item order; empty if blank
 * @param columns     where each value came from (column letter or CSV column name), in item order
 */
record RawBallot(String fileName, int rowNumber, String group, String token, String target, List<String> values,
        List<String> columns) {

    /** The values as kept in the database: item values joined, never the token. */
    String rawValues() {
        return String.join("|", values);
    }
}
