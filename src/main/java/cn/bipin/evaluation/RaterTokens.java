package cn.bipin.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rater tokens (评议令牌). A token is printed once, for the office to hand out, and stored only as an HMAC-SHA256
 * under a per-scheme secret, with its group (and for a peer group the rating unit, which self-rating needs):
 * nothing records who received which token, and a leaked ballot table does not reveal tokens.
 */
@Component
public class RaterTokens {

    /** No 0/O, 1/I/L: a token is read off paper and typed by hand. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private static final Logger log = LoggerFactory.getLogger(RaterTokens.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SecureRandom random = new SecureRandom();

    public RaterTokens(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** What a token hash stands for. */
    record TokenInfo(String group, String unit) {
    }

    /**
     * Issues {@code count} fresh tokens for a group (and, for a peer group, its rating unit) and returns them in
     * clear, the only time they exist in clear.
     */
    @Transactional
    public List<String> issue(String scheme, String group, String unit, int count) {
        Hasher hasher = hasher(scheme);
        Set<String> taken = new HashSet<>(tokens(scheme).keySet());
        List<String> tokens = new ArrayList<>(count);
        List<Object[]> rows = new ArrayList<>(count);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        while (tokens.size() < count) {
            String token = randomToken();
            String hash = hasher.hash(token);
            if (taken.add(hash)) {
                tokens.add(token);
                rows.add(new Object[] {hash, scheme, group, unit, now});
            }
        }
        template.batchUpdate("INSERT INTO eval_token (token_hash, scheme, rater_group, rater_unit, issued_at) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
        log.info("方案 {}：已为评议组 {}{} 发放 {} 个评议令牌", scheme, group, unit == null ? "" : "（" + unit + "）", count);
        return tokens;
    }

    /** Every issued token of a scheme: hash → group and rating unit. */
    Map<String, TokenInfo> tokens(String scheme) {
        Map<String, TokenInfo> map = new HashMap<>();
        jdbc.sql("SELECT token_hash, rater_group, rater_unit FROM eval_token WHERE scheme = ?").param(scheme)
                .query(rs -> {
                    map.put(rs.getString(1), new TokenInfo(rs.getString(2), rs.getString(3)));
                });
        return map;
    }

    /** The keyed hash of the scheme, creating its secret on first use. */
    @Transactional
    public Hasher hasher(String scheme) {
        List<String> secret = jdbc.sql("SELECT secret FROM eval_secret WHERE scheme = ?").param(scheme)
                .query(String.class).list();
        if (secret.isEmpty()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String fresh = HexFormat.of().formatHex(bytes);
            jdbc.sql("INSERT INTO eval_secret (scheme, secret, created_at) VALUES (?, ?, ?)")
                    .params(scheme, fresh, Timestamp.valueOf(LocalDateTime.now())).update();
            return new Hasher(fresh);
        }
        return new Hasher(secret.get(0));
    }

    private String randomToken() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A token as typed: spaces and hyphens ignored, case ignored. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s\\-－]", "").toUpperCase(Locale.ROOT);
    }

    /** HMAC-SHA256 under one scheme's secret; one instance per thread. */
    public static final class Hasher {

        private final Mac mac;

        Hasher(String secretHex) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        }

        public String hash(String token) {
            return HexFormat.of().formatHex(mac.doFinal(normalise(token).getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
