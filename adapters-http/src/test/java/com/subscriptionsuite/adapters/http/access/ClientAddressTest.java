package com.subscriptionsuite.adapters.http.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxies = ClientAddress.trusting(List.of("10.0.0.0/8", "192.168.1.7",
            "fd00::/8"));

    @Test
    void without_trusted_proxies_the_forwarded_header_is_ignored() {
        assertThat(ClientAddress.peerOnly().resolve("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_untrusted_hop_is_the_client() {
        assertThat(behindProxies.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
        // the client may put anything left of its own address; proxies append what they received from
        assertThat(behindProxies.resolve("10.1.2.3", "1.2.3.4, 203.0.113.9, 10.9.9.9")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("192.168.1.7", "2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(behindProxies.resolve("fd12::5", "198.51.100.2")).isEqualTo("198.51.100.2");
    }

    @Test
    void a_peer_that_is_no_trusted_proxy_or_a_malformed_chain_keeps_the_peer() {
        assertThat(behindProxies.resolve("203.0.113.50", "1.2.3.4")).as("not a trusted proxy").isEqualTo("203.0.113.50");
        assertThat(behindProxies.resolve("10.1.2.3", "example.com")).as("no name lookups").isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", "10.2.2.2")).as("only proxies").isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(behindProxies.resolve("192.168.1.8", "1.2.3.4")).as("a /32 is one address").isEqualTo("192.168.1.8");
    }

    @Test
    void refuses_what_is_no_address_or_block_by_name() {
        assertThat(ClientAddress.valid("10.0.0.0/8")).isTrue();
        assertThat(ClientAddress.valid("::1")).isTrue();
        assertThat(ClientAddress.valid("10.0.0.0/33")).isFalse();
        assertThat(ClientAddress.valid("proxy.internal")).isFalse();
        assertThat(ClientAddress.valid("10.0.0")).isFalse();
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/8", "nope/1")))
                .hasMessageContaining("nope/1");
    }
}
