package cn.bipin.report;

/** File names made from titles, for every document a run writes. */
public final class FileNames {

    private FileNames() {
    }

    /** A title as a file name on every system: without \ / : * ? " < > | and curly quotes. */
    public static String safe(String title) {
        return title.replaceAll("[\\\\/:*?\"<>|“”]", "");
    }
}
