package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security group rules in words ("ingress tcp 22 from 0.0.0.0/0"), and the guard rail that keeps SSH, RDP and
 * database/cache ports from being opened to the whole internet.
 */
final class SecurityRules {

    /** Ports that must never face the internet without an operator's explicit consent, and what usually listens. */
    static final Map<Integer, String> SENSITIVE_PORTS;

    static {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(22, "SSH");
        ports.put(3389, "RDP");
        ports.put(3306, "MySQL");
        ports.put(5432, "PostgreSQL");
        ports.put(6379, "Redis");
        ports.put(27017, "MongoDB");
        ports.put(9200, "Elasticsearch");
        ports.put(11211, "memcached");
        SENSITIVE_PORTS = java.util.Collections.unmodifiableMap(ports);
    }

    /** Protocols that have ports (by name and by IANA number, as Neutron accepts both). */
    private static final Set<String> PORTED = Set.of("tcp", "udp", "sctp", "dccp", "udplite", "6", "17", "132", "33",
            "136");
    /** What Neutron takes as "every protocol". */
    private static final Set<String> ANY = Set.of("", "any", "0");

    private SecurityRules() {
    }

    /** e.g. "ingress tcp 22 from 0.0.0.0/0", "egress any to ::/0", "ingress icmp type 8 from group 'web'". */
    static String render(JsonNode rule, Map<String, String> groupNames) {
        String direction = String.valueOf(Json.text(rule, "direction"));
        String protocol = Json.text(rule, "protocol");
        Integer min = Json.integer(rule, "port_range_min");
        Integer max = Json.integer(rule, "port_range_max");
        StringBuilder out = new StringBuilder(direction).append(' ');
        out.append(protocol == null || ANY.contains(protocol.toLowerCase(Locale.ROOT)) ? "any" : protocol);
        if (protocol != null && protocol.toLowerCase(Locale.ROOT).contains("icmp")) {
            if (min != null) {
                out.append(" type ").append(min);
                if (max != null) {
                    out.append(" code ").append(max);
                }
            }
        } else if (protocol != null && PORTED.contains(protocol.toLowerCase(Locale.ROOT))) {
            out.append(' ').append(ports(min, max));
        }
        out.append("ingress".equals(direction) ? " from " : " to ").append(remote(rule, groupNames));
        return out.toString();
    }

    private static String ports(@Nullable Integer min, @Nullable Integer max) {
        if (min == null && max == null) {
            return "all ports";
        }
        if (min == null || max == null || min.equals(max)) {
            return String.valueOf(min != null ? min : max);
        }
        return min + "-" + max;
    }

    static String remote(JsonNode rule, Map<String, String> groupNames) {
        String prefix = Json.text(rule, "remote_ip_prefix");
        if (prefix != null) {
            return prefix;
        }
        String group = Json.text(rule, "remote_group_id");
        if (group != null) {
            String name = groupNames.get(group);
            return "group " + (name == null || name.isEmpty() ? group : "'" + name + "'");
        }
        String addressGroup = Json.text(rule, "remote_address_group_id");
        if (addressGroup != null) {
            return "address group " + addressGroup;
        }
        return "IPv6".equals(Json.text(rule, "ethertype")) ? "::/0" : "0.0.0.0/0";
    }

    /** An existing rule that lets the whole internet in (any port). */
    static boolean worldOpenIngress(JsonNode rule) {
        return "ingress".equals(Json.text(rule, "direction")) && Json.text(rule, "remote_group_id") == null
                && Json.text(rule, "remote_address_group_id") == null
                && isWorld(Json.text(rule, "remote_ip_prefix"));
    }

    /**
     * Whether a source prefix means "the internet": none at all (Neutron then allows every address), 0.0.0.0/0,
     * ::/0, or any prefix wider than /8, which still covers a large share of all addresses (0.0.0.0/1 + 128.0.0.0/1
     * would otherwise get around the rule).
     */
    static boolean isWorld(@Nullable String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return true;
        }
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            return Integer.parseInt(prefix.substring(slash + 1).trim()) < 8;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Why a new rule would expose sensitive ports to the internet, or empty when it would not.
     *
     * @param direction   ingress or egress
     * @param protocol    null or "any" for every protocol
     * @param min         first port (null: every port)
     * @param max         last port (null: the first)
     * @param remotePrefix source prefix (null: every address, unless a remote group is given)
     * @param remoteGroup whether a remote group restricts the source
     */
    static Optional<String> worldExposure(String direction, @Nullable String protocol, @Nullable Integer min,
                                          @Nullable Integer max, @Nullable String remotePrefix, boolean remoteGroup,
                                          String ethertype) {
        if (!"ingress".equals(direction) || remoteGroup || !isWorld(remotePrefix)) {
            return Optional.empty();
        }
        String p = protocol == null ? "" : protocol.trim().toLowerCase(Locale.ROOT);
        boolean everyProtocol = ANY.contains(p);
        if (!everyProtocol && !PORTED.contains(p)) {
            return Optional.empty();
        }
        int from = min == null ? 1 : min;
        int to = min == null ? 65535 : max == null ? min : max;
        List<String> exposed = new ArrayList<>();
        SENSITIVE_PORTS.forEach((port, service) -> {
            if (port >= from && port <= to) {
                exposed.add(service + " (" + port + ")");
            }
        });
        if (exposed.isEmpty()) {
            return Optional.empty();
        }
        String source = remotePrefix == null || remotePrefix.isBlank()
                ? ("IPv6".equals(ethertype) ? "::/0" : "0.0.0.0/0") + ": without remote_ip_prefix every address may"
                + " connect" : remotePrefix;
        String what = everyProtocol ? "every protocol and port"
                : p + (min == null ? " on every port" : from == to ? " port " + from : " ports " + from + "-" + to);
        return Optional.of("Refused: this ingress rule would open " + what + " to the whole internet (" + source
                + "), exposing " + String.join(", ", exposed) + ". Restrict remote_ip_prefix to the addresses that"
                + " need access (e.g. an office or VPN range, or a single /32), or use remote_group to allow only"
                + " members of a security group. An operator can permit such rules by starting the server with"
                + " ALLOW_WORLD_OPEN_INGRESS=true.");
    }
}
