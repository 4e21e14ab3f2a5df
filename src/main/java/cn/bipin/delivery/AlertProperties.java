package cn.bipin.delivery;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who hears about problems, and when a bulletin is held back from the leaders ({@code bipin.alerts.*}).
 *
 * @param to              the statisticians' addresses: failed scheduled runs, held bulletins
 * @param maxMissingShare a bulletin is held, not mailed to leaders, when more than this share of the participating
 *                        units reported nothing at all for the period (a wrong inbox, a forgotten deadline)
 */
@ConfigurationProperties("bipin.alerts")
public record AlertProperties(@DefaultValue("tongji@localhost") List<String> to,
        @DefaultValue("0.5") BigDecimal maxMissingShare) {
}
