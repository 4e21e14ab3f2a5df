package cn.bipin.scheme;

/** A leader or office that receives bulletins by mail. */
public record Recipient(String name, String email) {
}
