package cn.bipin.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import cn.bipin.incentive.CreditCode;

/**
 * Unified social credit codes for the demo's subjects, drawn from the demo's random source: valid by GB 32100, with
 * the organisation code's own GB 11714 check character, and never the same code twice.
 */
final class DemoCreditCodes {

    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Random random;
    private final Set<String> issued = new HashSet<>();

    /** Draws from {@code random}, which the caller shares: the order of all draws is what makes the data repeatable. */
    DemoCreditCodes(Random random) {
        this.random = random;
    }

    /**
     * A new code: registering authority ({@code 9} = market regulation), kind ({@code 1} enterprise, {@code 2} sole
     * trader, {@code 3} farmers' cooperative), division, the organisation code with its GB 11714 check character,
     * and the GB 32100 check character.
     */
    String next(String division, char authority, char kind) {
        while (true) {
            StringBuilder org = new StringBuilder(9);
            for (int i = 0; i < 8; i++) {
                org.append((char) ('0' + random.nextInt(10)));
            }
            org.append(organisationCheck(org));
            String first17 = "" + authority + kind + division + org;
            String code = first17 + CreditCode.checkDigit(first17);
            if (issued.add(code)) {
                return code;
            }
        }
    }

    /** GB 11714: weights 3 7 9 10 5 8 4 2, check = 11 − sum mod 11, 10 → X, 11 → 0. */
    private static char organisationCheck(CharSequence first8) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += ORG_ALPHABET.indexOf(first8.charAt(i)) * weights[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** The code as a clerk mistyped it: the last character one off. */
    static String wrongCheckDigit(String code) {
        char last = code.charAt(17);
        char wrong = last == '9' ? '8' : last == 'Y' ? 'X' : Character.isDigit(last) ? (char) (last + 1) : '1';
        return code.substring(0, 17) + wrong;
    }
}
