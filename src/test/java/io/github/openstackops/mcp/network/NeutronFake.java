package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.FakeOpenStack.Request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Neutron as the unit tests see it: collections recorded from the testbed ({@code testbed/record/network.sh}),
 * filtered and paged the way Neutron does it (field equality, {@code fixed_ips=ip_address=…}, list fields such as
 * {@code security_groups}, {@code limit} and {@code marker}), so the tests can assert both what reached the API and
 * what came back.
 */
final class NeutronFake {

    static final String N = "/network/v2.0";
    static final String NOVA = "/compute/v2.1";

    static final String PUBLIC = "a47c1f4c-b0d2-4d6b-98d9-965a465eacb8";
    static final String PRIVATE = "dbd5977f-4789-4de5-a103-17fb58d5f6eb";
    static final String STACK_NET = "f0b7aeb9-4da5-4e0d-9eec-3b3325f03626";
    static final String PRIVATE_SUBNET = "ca202109-037d-462a-b9e0-6875e5742ad8";
    static final String PUBLIC_SUBNET = "838b6dc6-b328-48d4-8fbb-e824be290062";
    static final String ROUTER1 = "ef800c42-308d-4bb1-85f4-f815e7ff0357";
    static final String ROUTER1_PORT = "6b08cbc8-3c97-46b8-9613-8123efdf3195";
    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String DB_1 = "f490e824-08ee-449b-bc0e-c030dcd298e7";
    static final String CACHE_1 = "ca61b4c2-91a0-495a-add3-d846bc836e4a";
    static final String WEB_1_PORT = "3a711bf6-2337-4cb5-ab40-695f344f1446";
    static final String WEB_FIP = "809d8f30-dea6-4036-99a3-7cbfdf118cd0";
    static final String WEB_SG = "5e337bcb-b162-4f8c-a0a8-e23e5012090e";
    static final String DEFAULT_SG = "5f5fbafa-7dda-476c-8d96-1237a4c2e7e6";
    static final String DEMO_PROJECT = "8555d241e74c44ad9cc087c1e0ccee5b";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FILTERS = Set.of("limit", "marker", "fields", "sort_key", "sort_dir");

    private NeutronFake() {
    }

    /** The demo project's Neutron and the Nova calls the network tools make, as recorded. */
    static FakeOpenStack start() {
        FakeOpenStack fake = FakeOpenStack.start();
        collection(fake, "networks", "networks.json");
        collection(fake, "subnets", "subnets.json");
        collection(fake, "ports", "ports-project-demo.json");
        collection(fake, "routers", "routers.json");
        collection(fake, "floatingips", "floatingips.json");
        collection(fake, "security-groups", "security-groups.json");
        collection(fake, "security-group-rules", "security-group-rules-remote-web.json");
        collection(fake, "network-ip-availabilities", "ip-availability-demo.json");
        collection(fake, "agents", "agents-admin.json");
        item(fake, "networks", PRIVATE, "network-private.json");
        item(fake, "networks", PUBLIC, "network-public-admin.json");
        item(fake, "subnets", PRIVATE_SUBNET, "subnet-private.json");
        item(fake, "ports", WEB_1_PORT, "port-web-1.json");
        item(fake, "routers", ROUTER1, "router-router1.json");
        item(fake, "floatingips", WEB_FIP, "floatingip-web-1.json");
        item(fake, "security-groups", WEB_SG, "security-group-web.json");
        fake.on("GET", N + "/quotas/" + DEMO_PROJECT + "/details", 200, "network/quota-demo.json");
        fake.on("GET", NOVA + "/servers", r -> FakeOpenStack.Reply.json(200, fake.recorded(
                FakeOpenStack.queryParams(r).stream().anyMatch(q -> q.startsWith("name="))
                        ? "network/nova-servers-name-web-1.json" : "network/nova-servers.json")));
        fake.on("GET", NOVA + "/servers/" + WEB_1, 200, "network/nova-server-web-1.json");
        return fake;
    }

    /** Serves a recorded collection, filtered and paged like Neutron. */
    static void collection(FakeOpenStack fake, String collection, String file) {
        fake.on("GET", N + "/" + collection, r -> filtered(r, fake.recorded("network/" + file),
                collection.replace('-', '_')));
    }

    /** Serves one recorded item at its id; other ids get Neutron's 404. */
    static void item(FakeOpenStack fake, String collection, String id, String file) {
        fake.on("GET", N + "/" + collection + "/" + id, 200, "network/" + file);
    }

    static Reply notFound(FakeOpenStack fake) {
        return Reply.json(404, fake.recorded("network/network-404.json"));
    }

    static Reply filtered(Request request, String body, String key) {
        try {
            JsonNode root = JSON.readTree(body);
            Map<String, List<String>> filters = new LinkedHashMap<>();
            String marker = null;
            Integer limit = null;
            for (String param : FakeOpenStack.queryParams(request)) {
                int eq = param.indexOf('=');
                String name = param.substring(0, eq);
                String value = param.substring(eq + 1);
                if (name.equals("marker")) {
                    marker = value;
                } else if (name.equals("limit")) {
                    limit = Integer.parseInt(value);
                } else if (!NOT_FILTERS.contains(name)) {
                    filters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                }
            }
            List<JsonNode> items = new ArrayList<>();
            root.path(key).forEach(items::add);
            items.removeIf(item -> !filters.entrySet().stream().allMatch(f -> matches(item, f.getKey(), f.getValue())));
            if (marker != null) {
                int at = -1;
                for (int i = 0; i < items.size(); i++) {
                    if (marker.equals(idOf(items.get(i)))) {
                        at = i;
                    }
                }
                items = items.subList(at + 1, items.size());
            }
            if (limit != null && items.size() > limit) {
                items = items.subList(0, limit);
            }
            ObjectNode out = JSON.createObjectNode();
            ArrayNode array = out.putArray(key);
            items.forEach(array::add);
            return Reply.json(200, JSON.writeValueAsString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(JsonNode item) {
        return item.has("id") ? item.get("id").asText() : item.path("network_id").asText();
    }

    private static boolean matches(JsonNode item, String field, List<String> wanted) {
        if (field.equals("fixed_ips")) {
            for (String w : wanted) {
                String[] kv = w.split("=", 2);
                boolean any = false;
                for (JsonNode ip : item.path("fixed_ips")) {
                    any |= ip.path(kv[0]).asText().equals(kv[1]);
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
        JsonNode value = item.get(field);
        if (value == null) {
            return false;
        }
        if (value.isArray()) {
            for (JsonNode v : value) {
                if (wanted.contains(v.asText())) {
                    return true;
                }
            }
            return false;
        }
        return wanted.stream().anyMatch(w -> w.equalsIgnoreCase(value.asText()));
    }

    /** The JSON body a request sent. */
    static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A recorded file as a tree, to derive scenario variants from. */
    static JsonNode tree(FakeOpenStack fake, String file) {
        try {
            return JSON.readTree(fake.recorded("network/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
