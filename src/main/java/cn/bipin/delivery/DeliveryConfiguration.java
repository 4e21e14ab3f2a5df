package cn.bipin.delivery;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Registers {@code bipin.mail.*} with the feature that uses it, so the application class need not know it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, AlertProperties.class})
class DeliveryConfiguration {
}
