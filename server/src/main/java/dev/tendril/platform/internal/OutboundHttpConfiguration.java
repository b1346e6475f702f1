package dev.tendril.platform.internal;

import dev.tendril.platform.OutboundHttp;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The one outbound-HTTP guard, set up from {@code tendril.outbound.*}. */
@Configuration(proxyBeanMethods = false)
class OutboundHttpConfiguration {
    @Bean
    OutboundHttp outboundHttp(@Value("${tendril.outbound.allow-private-networks:false}") boolean allowPrivateNetworks,
            @Value("${tendril.outbound.connect-timeout:5s}") Duration connectTimeout,
            @Value("${tendril.outbound.max-response-size:1MB}") DataSize maxResponseSize) {
        return new OutboundHttp(allowPrivateNetworks, connectTimeout, maxResponseSize.toBytes());
    }
}
