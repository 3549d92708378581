package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.CloudSession;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.Lookup;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.cloud.services.NeutronClient;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.ServerRecords.SearchResult;
import io.github.openstackops.mcp.compute.ServerRecords.ServerSummary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds servers by part of a name, status, host, flavor, image, availability zone or IP. Every field is filtered by
 * Nova: fields Nova matches by regex (name, ip) get the text itself; fields Nova matches exactly (status, flavor,
 * image, availability zone, host) are first matched against their (short) lists of possible values, and each value
 * that contains the text becomes one exact Nova query. A bounded client-side pass then checks each returned server
 * (case, partial match), since Nova's regex is case-insensitive on MySQL and its ip filter may be a prefix match.
 */
@Singleton
public class ServerSearch {

    /** Fields a search can look at. */
    public enum Field { NAME, STATUS, HOST, FLAVOR, IMAGE, AVAILABILITY_ZONE, IP }

    /** Most Nova list calls one search makes (each returns up to {@link #PAGE} servers). */
    static final int MAX_CALLS = 12;
    /** Most servers one search examines, over all its calls. */
    static final int MAX_EXAMINED = 1000;
    /** Page size of each Nova call. */
    static final int PAGE = 200;
    /** Most images looked at to find image names that contain the text. */
    static final int MAX_IMAGES = 1000;

    /** A whole IPv4 or IPv6 address: worth a floating IP lookup in Neutron. */
    private static final Pattern FULL_IP = Pattern.compile(
            "^(\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7})$");
    /** Text that can be part of an IP address (anything else is not sent to Nova's ip filter). */
    private static final Pattern IP_PART = Pattern.compile("^[0-9a-fA-F.:]+$");

    private final CloudSession cloud;
    private final NovaClient nova;
    private final GlanceClient glance;
    private final ServerService servers;
    private final NeutronClient neutron;

    public ServerSearch(CloudSession cloud, NovaClient nova, GlanceClient glance, ServerService servers, NeutronClient neutron) {
        this.neutron = neutron;
        this.cloud = cloud;
        this.nova = nova;
        this.glance = glance;
        this.servers = servers;
    }

    /** One Nova list query, and the check each server it returns must pass. */
    private record Query(String label, Map<String, String> filters, @Nullable String microversion,
                         Predicate<JsonNode> verify) {
    }

    public SearchResult search(String text, @Nullable List<Field> fields, boolean caseSensitive, boolean allProjects,
                               int limit) {
        String needle = text == null ? "" : text.trim();
        if (needle.isEmpty()) {
            throw ToolException.invalid("Give the text to search for.");
        }
        Set<Field> wanted = fields == null || fields.isEmpty() ? EnumSet.allOf(Field.class) : EnumSet.copyOf(fields);
        List<String> how = new ArrayList<>();
        Map<String, JsonNode> found = new LinkedHashMap<>();
        List<Query> queries = plan(needle, wanted, caseSensitive, allProjects, how, found);
        boolean truncated = false;
        int examined = 0;
        int calls = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            if (found.size() >= limit || calls >= MAX_CALLS || examined >= MAX_EXAMINED) {
                truncated = true;
                how.add("not run (" + (found.size() >= limit ? "limit reached" : calls >= MAX_CALLS
                        ? "at most " + MAX_CALLS + " Nova calls per search"
                        : "at most " + MAX_EXAMINED + " servers examined per search") + "): "
                        + queries.subList(i, queries.size()).stream().map(Query::label).toList());
                break;
            }
            String marker = null;
            int matched = 0;
            do {
                Map<String, String> query = new LinkedHashMap<>(q.filters());
                query.put("limit", String.valueOf(PAGE));
                if (allProjects) {
                    query.put("all_tenants", "1");
                }
                if (marker != null) {
                    query.put("marker", marker);
                }
                calls++;
                List<JsonNode> page = Json.array(nova.at(q.microversion()).get("/servers/detail", query), "servers");
                examined += page.size();
                for (JsonNode s : page) {
                    if (q.verify().test(s) && found.putIfAbsent(Json.text(s, "id"), s) == null) {
                        matched++;
                    }
                }
                marker = page.size() < PAGE ? null : Json.text(page.get(page.size() - 1), "id");
            } while (marker != null && found.size() < limit && calls < MAX_CALLS && examined < MAX_EXAMINED);
            how.add(q.label() + ": " + matched + " new match(es)" + (marker != null ? ", more not examined" : ""));
            truncated |= marker != null;
        }
        List<JsonNode> ordered = new ArrayList<>(found.values());
        ordered.sort(Comparator.comparing((JsonNode s) -> String.valueOf(Json.text(s, "created")))
                .reversed());
        if (ordered.size() > limit) {
            ordered = ordered.subList(0, limit);
            truncated = true;
        }
        List<ServerSummary> out = ordered.stream().map(s -> servers.summary(s)).toList();
        return new SearchResult(out, out.size(), truncated, how);
    }

    private List<Query> plan(String needle, Set<Field> fields, boolean cs, boolean allProjects,
                             List<String> how, Map<String, JsonNode> found) {
        List<Query> queries = new ArrayList<>();
        if (fields.contains(Field.NAME)) {
            queries.add(new Query("name contains '" + needle + "' (Nova name filter)",
                    Map.of("name", cs ? Lookup.regexLiteral(needle) : caseInsensitiveRegex(needle)),
                    null, s -> contains(Json.text(s, "name"), needle, cs)));
        }
        if (fields.contains(Field.IP) && !IP_PART.matcher(needle).matches()) {
            how.add("ip: skipped, the text cannot be part of an IP address");
        } else if (fields.contains(Field.IP)) {
            queries.add(new Query("ip contains '" + needle + "' (Nova ip filter, fixed IPs)", Map.of("ip", needle),
                    null, s -> NovaServer.addresses(s).stream().anyMatch(a -> contains(a.ip(), needle, cs))));
            if (FULL_IP.matcher(needle).matches()) {
                floatingIpServer(needle, allProjects, how, found);
            }
        }
        if (fields.contains(Field.STATUS)) {
            exact(queries, how, "status", Arrays.stream(ServerStatus.values()).map(Enum::name)
                    .filter(v -> contains(v, needle, cs)).toList(), v -> v, v -> v, null);
        }
        if (fields.contains(Field.FLAVOR)) {
            List<JsonNode> flavors = Json.array(nova.get("/flavors/detail", null), "flavors").stream()
                    .filter(f -> contains(Json.text(f, "name"), needle, cs) || needle.equals(Json.text(f, "id")))
                    .toList();
            exact(queries, how, "flavor", flavors, f -> Json.text(f, "id"),
                    f -> Json.text(f, "name") + " (" + Json.text(f, "id") + ")", null);
        }
        if (fields.contains(Field.IMAGE)) {
            exact(queries, how, "image", images(needle, cs, how), v -> v[0], v -> v[1] + " (" + v[0] + ")", null);
        }
        if (fields.contains(Field.AVAILABILITY_ZONE)) {
            List<String> zones = Json.array(nova.get("/os-availability-zone", Map.of()), "availabilityZoneInfo").stream()
                    .map(z -> Json.text(z, "zoneName")).filter(z -> contains(z, needle, cs)).toList();
            exact(queries, how, "availability_zone", zones, z -> z, z -> z,
                    ServerService.AZ_FILTER_MICROVERSION);
        }
        if (fields.contains(Field.HOST)) {
            if (!cloud.isAdmin()) {
                how.add("host: skipped, filtering by host is admin only");
            } else {
                List<String> hosts = Json.array(nova.get("/os-services", Map.of("binary", "nova-compute")), "services").stream()
                        .map(h -> Json.text(h, "host")).filter(h -> contains(h, needle, cs)).distinct().toList();
                exact(queries, how, "host", hosts, h -> h, h -> h, null);
            }
        }
        return queries;
    }

    /** One exact Nova query per value of a field that matched the text. */
    private static <T> void exact(List<Query> queries, List<String> how, String field, List<T> values,
                                  Function<T, String> value, Function<T, String> label, @Nullable String microversion) {
        if (values.isEmpty()) {
            how.add(field + ": no " + field.replace('_', ' ') + " contains the text");
            return;
        }
        for (T v : values) {
            queries.add(new Query(field + " = " + label.apply(v), Map.of(field, value.apply(v)), microversion, s -> true));
        }
    }

    /** Images (id, name) whose name contains the text or whose id is the text; Glance has no partial name filter. */
    private List<String[]> images(String needle, boolean cs, List<String> how) {
        List<String[]> out = new ArrayList<>();
        String marker = null;
        int seen = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", String.valueOf(PAGE));
            if (marker != null) {
                query.put("marker", marker);
            }
            List<JsonNode> page = Json.array(glance.get("/images", query), "images");
            seen += page.size();
            for (JsonNode image : page) {
                String id = Json.text(image, "id");
                String name = Json.text(image, "name");
                if (contains(name, needle, cs) || needle.equals(id)) {
                    out.add(new String[]{id, name});
                }
            }
            marker = page.size() < PAGE ? null : Json.text(page.get(page.size() - 1), "id");
        } while (marker != null && seen < MAX_IMAGES);
        if (marker != null) {
            how.add("image: only the first " + seen + " images were matched by name");
        }
        return out;
    }

    /** Nova's ip filter sees fixed IPs only: a full floating IP is looked up in Neutron, then its server. */
    private void floatingIpServer(String ip, boolean allProjects, List<String> how,
                                  Map<String, JsonNode> found) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("floating_ip_address", ip);
        if (!allProjects) {
            filter.put("project_id", cloud.projectId());
        }
        for (JsonNode fip : neutron.list("floatingips", filter)) {
            String portId = Json.text(fip, "port_id");
            JsonNode port = portId == null ? null : neutron.find("/ports/" + Json.segment(portId), "port");
            String owner = Json.text(port, "device_owner");
            if (owner != null && owner.startsWith("compute:")) {
                String serverId = Json.text(port, "device_id");
                JsonNode server = nova.get("/servers/" + serverId, Map.of()).get("server");
                found.putIfAbsent(serverId, server);
                how.add("floating IP " + ip + " (Neutron) is on server " + serverId);
            }
        }
    }

    static boolean contains(@Nullable String haystack, String needle, boolean caseSensitive) {
        if (haystack == null) {
            return false;
        }
        return caseSensitive ? haystack.contains(needle)
                : haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /** "Web" becomes "[wW][eE][bB]": case-insensitive on every database Nova runs on, unlike (?i). */
    static String caseInsensitiveRegex(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            String lower = c.toLowerCase(Locale.ROOT);
            String upper = c.toUpperCase(Locale.ROOT);
            if (!lower.equals(upper) && lower.length() == 1 && upper.length() == 1) {
                out.append('[').append(lower).append(upper).append(']');
            } else {
                out.append(Lookup.regexLiteral(c));
            }
        });
        return out.toString();
    }
}
