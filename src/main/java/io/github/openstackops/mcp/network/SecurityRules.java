package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.micronaut.core.annotation.Nullable;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * ICMP or ICMPv6, by name (icmp, ipv6-icmp, icmpv6) or number (1, 58): its "ports" are a type and a code, so a
     * type alone must not become a range.
     */
    static boolean isIcmp(@Nullable String protocol) {
        return protocol != null && (protocol.toLowerCase(Locale.ROOT).contains("icmp") || protocol.equals("1")
                || protocol.equals("58"));
    }

    /** e.g. "ingress tcp 22 from 0.0.0.0/0", "egress any to ::/0", "ingress icmp type 8 from group 'web'". */
    static String render(JsonNode rule, Map<String, String> groupNames) {
        String direction = String.valueOf(Json.text(rule, "direction"));
        String protocol = Json.text(rule, "protocol");
        Integer min = Json.integer(rule, "port_range_min");
        Integer max = Json.integer(rule, "port_range_max");
        StringBuilder out = new StringBuilder(direction).append(' ');
        out.append(protocol == null || ANY.contains(protocol.toLowerCase(Locale.ROOT)) ? "any" : protocol);
        if (isIcmp(protocol)) {
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
     * ::/0, or any IPv4 prefix wider than /8 or IPv6 prefix wider than /16, which still cover a large share of all
     * addresses (0.0.0.0/1 + 128.0.0.0/1 or 2000::/12 would otherwise get around the rule). A prefix this class cannot
     * read counts as the internet: the guard rail fails closed.
     */
    static boolean isWorld(@Nullable String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return true;
        }
        Optional<String> cidr = prefix(prefix);
        if (cidr.isEmpty()) {
            return true;
        }
        String canonical = cidr.get();
        int length = Integer.parseInt(canonical.substring(canonical.indexOf('/') + 1));
        return length < (canonical.contains(":") ? 16 : 8);
    }

    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,3}");

    /**
     * A source prefix as "address/length", read the way Neutron reads it: a bare address is a host (/32, /128), and an
     * IPv4 mask may also be written dotted, as a netmask (/255.255.255.0) or an ACL-style host mask (/0.0.0.255).
     * Empty when the text is none of these, so that the caller can refuse it instead of guessing.
     */
    static Optional<String> prefix(String prefix) {
        String text = prefix.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String mask = slash < 0 ? null : text.substring(slash + 1);
        boolean v6 = IPV6.matcher(address).matches();
        if (!v6 && ipv4(address) == null) {
            return Optional.empty();
        }
        int bits = v6 ? 128 : 32;
        Integer length;
        if (mask == null) {
            length = bits;
        } else if (LENGTH.matcher(mask).matches()) {
            length = Integer.parseInt(mask);
        } else {
            length = v6 ? null : maskLength(ipv4(mask));
        }
        if (length == null || length > bits) {
            return Optional.empty();
        }
        return Optional.of(address + "/" + length);
    }

    /** A dotted-quad IPv4 address as its 32 bits, or null. */
    private static @Nullable Integer ipv4(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    /** The prefix length of a netmask (checked first, as Neutron does) or of a host mask; null for neither. */
    private static @Nullable Integer maskLength(@Nullable Integer mask) {
        if (mask == null) {
            return null;
        }
        int inverse = ~mask;
        if ((inverse & (inverse + 1)) == 0) {
            return Integer.bitCount(mask);
        }
        if ((mask & (mask + 1)) == 0) {
            return 32 - Integer.bitCount(mask);
        }
        return null;
    }

    private static final Pattern PROTOCOL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*");
    private static final Pattern PROTOCOL_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /**
     * A rule's protocol in one spelling: null for every protocol ("any", 0, 00), a name in lower case, or an IP
     * protocol number without sign or leading zeros (Neutron takes "06" and "+6" as tcp, so the guard rail must too).
     *
     * @throws ToolException when the text is neither a name nor a number 0-255
     */
    static @Nullable String protocol(@Nullable String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return null;
        }
        String p = protocol.trim();
        if (PROTOCOL_NAME.matcher(p).matches()) {
            String name = p.toLowerCase(Locale.ROOT);
            return "any".equals(name) ? null : name;
        }
        if (PROTOCOL_NUMBER.matcher(p).matches()) {
            BigInteger number = new BigInteger(p);
            if (number.signum() >= 0 && number.compareTo(BigInteger.valueOf(255)) <= 0) {
                return number.signum() == 0 ? null : number.toString();
            }
        }
        throw ToolException.invalid("protocol '" + protocol + "' is neither a protocol name (tcp, udp, icmp, ...) nor"
                + " an IP protocol number 0-255; leave it out (or give any) for every protocol.");
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
