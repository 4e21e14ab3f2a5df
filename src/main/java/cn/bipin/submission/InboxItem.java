package cn.bipin.submission;

/** A row read from an inbox file, with the file it came from as registered in {@code received_file}. */
record InboxItem(long fileId, String fileName, RawRow row) {
}
