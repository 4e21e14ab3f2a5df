package cn.bipin.scheme;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where scheme files live: {@code <jobs-dir>/<scheme>.yaml}. */
@ConfigurationProperties("bipin")
public record SchemeProperties(@DefaultValue("jobs") Path jobsDir) {
}
