package cn.bipin.report;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where a run's bulletin, exports and feedback sheets are written: {@code <dir>/<scheme>/<period>/r<revision>/}. */
@ConfigurationProperties("bipin.output")
public record OutputProperties(@DefaultValue("data/out") Path dir) {

    public Path runDir(String scheme, String period, int revision) {
        return dir.resolve(scheme).resolve(period).resolve("r" + revision);
    }
}
