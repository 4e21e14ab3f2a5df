package cn.bipin.incentive;

/**
 * Checks identifiers the way the registries issue them, so a mistyped code is caught at the row rather than
 * paying an award to a company that does not exist: the unified social credit code of GB 32100-2015 and, for a
 * person who referred a company (INC-2), the resident identity number of GB 11643-1999.
 */
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private CreditCode() {
    }

    /** Null when the code is valid, else why not (in Chinese, quoting nothing: the caller quotes the value). */
    static String problem(String code) {
        if (code.length() != 18) {
            return "应为18位，实际为" + code.length() + "位";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return "第" + (i + 1) + "位“" + code.charAt(i) + "”不是代码允许的字符（不含 I、O、S、V、Z）";
            }
            sum += v * WEIGHTS[i];
        }
        char expected = checkChar(sum);
        if (code.charAt(17) != expected) {
            return "校验位不对（按 GB 32100 第18位应为 " + expected + "），请核对是否抄错";
        }
        return null;
    }

    /** The 18th character for the first 17 (used by tests and data generators). */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return checkChar(sum);
    }

    private static char checkChar(int sum) {
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /** Province codes of GB/T 2260 that begin a resident identity number (81–83: Hong Kong, Macao, Taiwan residents). */
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("11", "12", "13", "14", "15", "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /**
     * A natural person's resident identity number (GB 11643, D25): 17 digits and a check character, a province code, a
     * real birth date not in the future. A credit code of digits only can pass the check character by chance (one in
     * eleven); its registration authority prefix (9x, 5x …) and its organisation digits where the birth date would be
     * keep it from being taken for a person's number.
     */
    static boolean isIdentityNumber(String id) {
        if (id.length() != 18 || !id.chars().limit(17).allMatch(c -> c >= '0' && c <= '9')
                || id.charAt(17) != identityCheck(id.substring(0, 17)) || !PROVINCES.contains(id.substring(0, 2))) {
            return false;
        }
        try {
            java.time.LocalDate born = java.time.LocalDate.parse(id.substring(6, 14),
                    java.time.format.DateTimeFormatter.BASIC_ISO_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            return born.getYear() >= 1900 && !born.isAfter(java.time.LocalDate.now());
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The 18th character of a resident identity number (GB 11643) for its first 17 digits. */
    public static char identityCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /**
     * An identifier as a list that leaves the office may show it (D25): a resident identity number (a person who
     * referred a company) keeps its first 6 and last 4 characters, 640104********123X, so a person is recognisable to
     * those who know them but the number is not published; a unified social credit code is public and shown whole.
     */
    static String shown(String id) {
        return id != null && isIdentityNumber(id) ? id.substring(0, 6) + "*".repeat(8) + id.substring(14) : id;
    }
}
