package cn.bipin.inbox;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where submissions arrive and where their bytes are kept.
 *
 * @param dir     the inbox: files for a period go to {@code <dir>/<scheme>/<period>/}
 * @param archive every received file's bytes are copied here, by checksum, whatever happens to the inbox later
 */
@ConfigurationProperties("bipin.inbox")
public record InboxProperties(@DefaultValue("data/inbox") Path dir, @DefaultValue("data/archive") Path archive) {

    public Path periodDir(String scheme, String period) {
        return dir.resolve(scheme).resolve(period);
    }
}
