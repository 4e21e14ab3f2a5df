package cn.bipin.letters;

/** The four documents of 三函一单; the three letters climb with the months a unit lags (D18). */
public enum LetterKind {
    FEEDBACK("结果反馈单", null),
    GREEN("绿色提醒函", "绿"),
    ORANGE("橙色警示函", "橙"),
    RED("红色督办函", "红");

    private final String label;
    private final String colour;

    LetterKind(String label, String colour) {
        this.label = label;
        this.colour = colour;
    }

    public String label() {
        return label;
    }

    /** The colour character of the letter's number (兰新考〔2023〕橙3号); null for the unnumbered feedback sheet. */
    public String colour() {
        return colour;
    }

    /** The letter for a unit lagging its n-th consecutive month: 1 green, 2 orange, 3 and more red; none for 0. */
    public static LetterKind forStreak(int streak) {
        return streak <= 0 ? null : streak == 1 ? GREEN : streak == 2 ? ORANGE : RED;
    }
}
