package cn.bipin.appeal;

/**
 * A column of a case ledger: its key (the CSV header, English) and its title (the template's Chinese header). A file
 * may use either in its header row.
 *
 * @param key      e.g. {@code case_id}
 * @param title    e.g. 诉求编号
 * @param required whether a row must fill it (an empty required cell sends the row back)
 * @param hint     what to type, shown in the template's second header row and in a reason, e.g. 2024-06-03 14:30
 */
public record LedgerColumn(String key, String title, boolean required, String hint) {
}
