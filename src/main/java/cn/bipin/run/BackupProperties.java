package cn.bipin.run;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where copies of the embedded database go ({@code bipin.backup.*}).
 *
 * @param dir  the folder of the copies; best on another disk than {@code data/}
 * @param keep how many of the newest copies are kept; older ones are deleted after each new one
 */
@ConfigurationProperties("bipin.backup")
public record BackupProperties(@DefaultValue("data/backup") Path dir, @DefaultValue("14") int keep) {
}
