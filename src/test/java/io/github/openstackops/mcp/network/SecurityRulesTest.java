package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules in words, and the exposure check behind the guard rail, without a cloud. */
class SecurityRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String render(String json) throws Exception {
        return SecurityRules.render(JSON.readTree(json), Map.of("g1", "web"));
    }

    @Test
    void rules_read_like_an_operator_would_say_them() throws Exception {
        assertThat(render("{\"direction\":\"ingress\",\"ethertype\":\"IPv4\",\"protocol\":\"tcp\",\"port_range_min\":22,"
                + "\"port_range_max\":22,\"remote_ip_prefix\":\"0.0.0.0/0\"}")).isEqualTo("ingress tcp 22 from 0.0.0.0/0");
        assertThat(render("{\"direction\":\"egress\",\"ethertype\":\"IPv6\",\"protocol\":null}"))
                .isEqualTo("egress any to ::/0");
        assertThat(render("{\"direction\":\"ingress\",\"ethertype\":\"IPv4\",\"protocol\":\"udp\",\"port_range_min\":1000,"
                + "\"port_range_max\":2000,\"remote_group_id\":\"g1\"}")).isEqualTo("ingress udp 1000-2000 from group 'web'");
        assertThat(render("{\"direction\":\"ingress\",\"ethertype\":\"IPv4\",\"protocol\":\"tcp\"}"))
                .isEqualTo("ingress tcp all ports from 0.0.0.0/0");
        assertThat(render("{\"direction\":\"ingress\",\"ethertype\":\"IPv4\",\"protocol\":\"icmp\",\"port_range_min\":8,"
                + "\"port_range_max\":0,\"remote_ip_prefix\":\"10.0.0.0/8\"}")).isEqualTo("ingress icmp type 8 code 0 from 10.0.0.0/8");
    }

    @Test
    void the_world_is_no_prefix_a_zero_prefix_or_anything_wider_than_a_slash_8() {
        assertThat(SecurityRules.isWorld(null)).isTrue();
        assertThat(SecurityRules.isWorld("0.0.0.0/0")).isTrue();
        assertThat(SecurityRules.isWorld("::/0")).isTrue();
        assertThat(SecurityRules.isWorld("128.0.0.0/1")).isTrue();
        assertThat(SecurityRules.isWorld("2000::/3")).isTrue();
        assertThat(SecurityRules.isWorld("10.0.0.0/8")).isFalse();
        assertThat(SecurityRules.isWorld("198.51.100.7/32")).isFalse();
        assertThat(SecurityRules.isWorld("198.51.100.7")).isFalse();
    }

    @Test
    void dotted_masks_count_by_their_prefix_length() {
        assertThat(SecurityRules.isWorld("0.0.0.0/0.0.0.0")).isTrue();
        assertThat(SecurityRules.isWorld("0.0.0.0/128.0.0.0")).isTrue();
        assertThat(SecurityRules.isWorld("0.0.0.0/127.255.255.255")).as("host mask of a /1").isTrue();
        assertThat(SecurityRules.isWorld("10.0.0.0/255.0.0.0")).isFalse();
        assertThat(SecurityRules.isWorld("10.0.0.0/0.255.255.255")).as("host mask of a /8").isFalse();
        assertThat(SecurityRules.isWorld("198.51.100.0/255.255.255.0")).isFalse();
    }

    @Test
    void an_ipv6_prefix_shorter_than_a_slash_16_is_the_world() {
        assertThat(SecurityRules.isWorld("2000::/12")).isTrue();
        assertThat(SecurityRules.isWorld("2000::/15")).isTrue();
        assertThat(SecurityRules.isWorld("2001:db8::/16")).isFalse();
        assertThat(SecurityRules.isWorld("2001:db8::/32")).isFalse();
        assertThat(SecurityRules.isWorld("10.0.0.0/12")).as("IPv4 keeps /8").isFalse();
    }

    @Test
    void a_prefix_that_cannot_be_read_counts_as_the_world() {
        assertThat(SecurityRules.isWorld("0.0.0.0/x")).isTrue();
        assertThat(SecurityRules.isWorld("0.0.0.0/0.255.0.255")).isTrue();
        assertThat(SecurityRules.prefix("0.0.0.0/0.0.0.0")).contains("0.0.0.0/0");
        assertThat(SecurityRules.prefix("10.1.0.0/0.0.255.255")).contains("10.1.0.0/16");
        assertThat(SecurityRules.prefix("2001:DB8::/032")).contains("2001:DB8::/32");
        assertThat(SecurityRules.prefix("0.0.0.0/x")).isEmpty();
    }

    @Test
    void protocol_numbers_have_one_spelling() {
        assertThat(SecurityRules.protocol("06")).isEqualTo("6");
        assertThat(SecurityRules.protocol("+6")).isEqualTo("6");
        assertThat(SecurityRules.protocol("00")).isNull();
        assertThat(SecurityRules.protocol("Any")).isNull();
        assertThat(SecurityRules.protocol("TCP")).isEqualTo("tcp");
        assertThat(SecurityRules.protocol("ipv6-icmp")).isEqualTo("ipv6-icmp");
        assertThatThrownBy(() -> SecurityRules.protocol("256")).hasMessageContaining("0-255");
        assertThatThrownBy(() -> SecurityRules.protocol("-1")).hasMessageContaining("0-255");
    }

    @Test
    void exposure_needs_ingress_from_the_world_on_a_covered_sensitive_port() {
        assertThat(SecurityRules.worldExposure("ingress", "tcp", 22, 22, "0.0.0.0/0", false, "IPv4")).isPresent();
        assertThat(SecurityRules.worldExposure("ingress", "tcp", 20, 25, null, false, "IPv4")).get().asString()
                .contains("SSH (22)", "tcp ports 20-25");
        assertThat(SecurityRules.worldExposure("ingress", "TCP", 9200, null, "::/0", false, "IPv6")).get().asString()
                .contains("Elasticsearch (9200)");
        assertThat(SecurityRules.worldExposure("ingress", null, null, null, null, false, "IPv6")).get().asString()
                .contains("every protocol and port", "::/0");
        assertThat(SecurityRules.worldExposure("ingress", "17", null, null, "0.0.0.0/0", false, "IPv4")).get().asString()
                .contains("every port", "memcached (11211)");

        assertThat(SecurityRules.worldExposure("egress", "tcp", 22, 22, "0.0.0.0/0", false, "IPv4")).isEmpty();
        assertThat(SecurityRules.worldExposure("ingress", "tcp", 22, 22, null, true, "IPv4")).isEmpty();
        assertThat(SecurityRules.worldExposure("ingress", "tcp", 22, 22, "203.0.113.0/24", false, "IPv4")).isEmpty();
        assertThat(SecurityRules.worldExposure("ingress", "tcp", 80, 443, "0.0.0.0/0", false, "IPv4")).isEmpty();
        assertThat(SecurityRules.worldExposure("ingress", "icmp", null, null, "0.0.0.0/0", false, "IPv4")).isEmpty();
        assertThat(SecurityRules.worldExposure("ingress", "gre", null, null, "0.0.0.0/0", false, "IPv4")).isEmpty();
    }
}
