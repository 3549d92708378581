package io.github.openstackops.mcp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.FakeOpenStack.Request;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A large simulated cloud on loopback: 10,000 servers, 1,000 networks, 5,000 volumes, 500 floating IPs and 200
 * routers across 200 projects, items made from recorded testbed responses. Collections page as the real APIs do
 * (limit, marker, name filters, Nova's status filter, Neutron's router:external), every request waits a fixed
 * latency, and each service's busy span is kept, so that the benchmark can compare a fan-out's wall time with the
 * slowest service and with the sum of all.
 */
final class LargeCloud implements AutoCloseable {

    static final int SERVERS = 10_000;
    static final int NETWORKS = 1_000;
    static final int VOLUMES = 5_000;
    static final int PROJECTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOVA = "/compute/v2\\.1";
    private static final String CINDER = "/volume/v3/[^/]+";
    private static final String ID = "[0-9a-f-]{36}";

    /** One item of a collection: what the filters look at, and its JSON. */
    record Item(String id, String name, String status, boolean external, String json) {
    }

    final FakeOpenStack fake;
    /** Per service: {first request's arrival, last answer's end} in System.nanoTime(), since the last reset. */
    private final Map<String, long[]> spans = new ConcurrentHashMap<>();
    private final Duration latency;

    LargeCloud(Duration latency) {
        this.latency = latency;
        fake = FakeOpenStack.start().asAdmin().latency(latency);
        String dir = "compute-inventory/";
        List<Item> servers = items(SERVERS, dir + "cluster-servers.json", "servers", (n, i) -> {
            n.put("name", String.format("srv-%05d", i));
            n.put("status", i % 20 == 0 ? "ERROR" : i % 20 == 1 ? "SHUTOFF" : "ACTIVE");
            n.put("tenant_id", project(i));
            n.put("OS-EXT-SRV-ATTR:host", i % 2 == 0 ? "compute1" : "compute2");
        });
        List<Item> networks = items(NETWORKS, "network/networks.json", "networks", (n, i) -> {
            n.put("name", i == 0 ? "public" : String.format("net-%04d", i));
            n.put("router:external", i == 0);
            n.put("project_id", project(i));
            n.put("tenant_id", project(i));
        });
        List<Item> volumes = items(VOLUMES, dir + "cluster-volumes.json", "volumes", (n, i) -> {
            n.put("name", String.format("vol-%04d", i));
            n.put("status", i % 3 == 0 ? "in-use" : "available");
            n.putArray("attachments");
            n.put("os-vol-tenant-attr:tenant_id", project(i));
        });
        List<Item> floatingIps = items(500, dir + "cluster-floatingips.json", "floatingips", (n, i) -> {
            if (i % 2 == 0) {
                n.putNull("port_id");
            }
        });
        List<Item> routers = items(PROJECTS, dir + "cluster-routers.json", "routers", (n, i) -> {
            n.put("name", String.format("router-%03d", i));
            n.put("project_id", project(i));
        });
        route("compute", "GET", NOVA + "/servers(/detail)?", paged("servers", servers));
        route("compute", "GET", NOVA + "/servers/" + ID, byId("server", servers));
        route("compute", "GET", NOVA + "/servers/" + ID + "/os-volume_attachments",
                r -> Reply.json(200, "{\"volumeAttachments\": []}"));
        route("compute", "GET", NOVA + "/servers/" + ID + "/os-interface",
                r -> Reply.json(200, "{\"interfaceAttachments\": []}"));
        route("network", "GET", "/network/v2\\.0/networks/" + ID, byId("network", networks));
        route("volume", "GET", CINDER + "/volumes/" + ID, byId("volume", volumes));
        route("compute", "GET", NOVA + "/flavors/.*", r -> recorded("servers/flavor-web-1.json"));
        route("compute", "GET", NOVA + "/os-hypervisors/statistics", r -> recorded(dir + "hypervisor-statistics.json"));
        route("compute", "GET", NOVA + "/os-hypervisors", r -> recorded(dir + "cluster-hypervisors.json"));
        route("compute", "GET", NOVA + "/os-services", r -> recorded(dir + "nova-services.json"));
        route("image", "GET", "/image/v2/images/.*", r -> recorded("servers/image-web-1.json"));
        route("network", "GET", "/network/v2\\.0/networks", paged("networks", networks));
        route("network", "GET", "/network/v2\\.0/floatingips", paged("floatingips", floatingIps));
        route("network", "GET", "/network/v2\\.0/routers", paged("routers", routers));
        route("network", "GET", "/network/v2\\.0/subnets", r -> Reply.json(200, "{\"subnets\": []}"));
        route("network", "GET", "/network/v2\\.0/agents", r -> recorded(dir + "cluster-agents.json"));
        route("network", "GET", "/network/v2\\.0/network-ip-availabilities",
                r -> recorded(dir + "cluster-ip-availability.json"));
        route("volume", "GET", CINDER + "/volumes(/detail)?", paged("volumes", volumes));
        route("volume", "GET", CINDER + "/volumes/summary", r -> Reply.json(200,
                "{\"volume-summary\": {\"total_count\": " + VOLUMES + ", \"total_size\": " + VOLUMES + "}}"));
        route("volume", "GET", CINDER + "/os-services", r -> recorded(dir + "cinder-services.json"));
    }

    private static String project(int i) {
        return String.format("%032x", i % PROJECTS + 1);
    }

    String authUrl() {
        return fake.authUrl();
    }

    long requests() {
        return fake.requests().size();
    }

    /**
     * How long each service was busy with the server since the last reset, in ms: from its first request's arrival
     * to its last answer (a service's pages are read one after another, so this is the time the server needs for it).
     */
    Map<String, Long> spansMs() {
        Map<String, Long> out = new LinkedHashMap<>();
        spans.forEach((service, span) -> out.put(service, (span[1] - span[0]) / 1_000_000));
        return out;
    }

    void resetSpans() {
        spans.clear();
    }

    private void route(String service, String method, String path, Function<Request, Reply> responder) {
        fake.on(method, path, r -> {
            long arrived = System.nanoTime() - latency.toNanos(); // the fake waited its latency before this
            Reply reply = responder.apply(r);
            long done = System.nanoTime();
            spans.compute(service, (k, span) -> span == null ? new long[] {arrived, done}
                    : new long[] {Math.min(span[0], arrived), Math.max(span[1], done)});
            return reply;
        });
    }

    private Reply recorded(String file) {
        return Reply.json(200, fake.recorded(file));
    }

    private interface Shaper {
        void shape(ObjectNode item, int index);
    }

    private List<Item> items(int count, String templateFile, String key, Shaper shaper) {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(fake.recorded(templateFile)).path(key).get(0);
            List<Item> items = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ObjectNode n = template.deepCopy();
                n.put("id", new UUID(0x1000L + key.hashCode(), i).toString());
                shaper.shape(n, i);
                items.add(new Item(n.path("id").asText(), n.path("name").asText(null), n.path("status").asText(null),
                        n.path("router:external").asBoolean(false), JSON.writeValueAsString(n)));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One item by id (the last path segment), 404 when there is none. */
    private static Function<Request, Reply> byId(String singular, List<Item> items) {
        Map<String, String> json = new java.util.HashMap<>();
        items.forEach(i -> json.put(i.id(), i.json()));
        return r -> {
            String item = json.get(r.path().substring(r.path().lastIndexOf('/') + 1));
            return item == null ? Reply.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"not found\"}}")
                    : Reply.json(200, "{\"" + singular + "\": " + item + "}");
        };
    }

    /** A collection answering limit/marker pages and the filters the server uses. */
    private static Function<Request, Reply> paged(String key, List<Item> items) {
        return r -> {
            Map<String, String> q = new LinkedHashMap<>();
            for (String p : FakeOpenStack.queryParams(r)) {
                int eq = p.indexOf('=');
                q.putIfAbsent(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
            }
            int limit = Math.min(1000, Integer.parseInt(q.getOrDefault("limit", "1000")));
            String name = q.containsKey("name") ? q.get("name").replaceAll("^\\^|\\$$", "").replace("\\", "") : null;
            String marker = q.get("marker");
            boolean afterMarker = marker == null;
            StringBuilder body = new StringBuilder("{\"").append(key).append("\": [");
            int taken = 0;
            String last = null;
            boolean more = false;
            for (Item item : items) {
                if (!afterMarker) {
                    afterMarker = item.id().equals(marker);
                    continue;
                }
                if ((name != null && !name.equals(item.name()))
                        || (q.containsKey("status") && !q.get("status").equalsIgnoreCase(item.status()))
                        || (q.containsKey("router:external") && Boolean.parseBoolean(q.get("router:external")) != item.external())) {
                    continue;
                }
                if (taken == limit) {
                    more = true;
                    break;
                }
                body.append(taken++ == 0 ? "" : ",").append(item.json());
                last = item.id();
            }
            body.append("]");
            if (more) {
                body.append(", \"").append(key).append("_links\": [{\"rel\": \"next\", \"href\": \"")
                        .append(r.path()).append("?limit=").append(limit).append("&marker=").append(last).append("\"}]");
            }
            return Reply.json(200, body.append("}").toString());
        };
    }

    @Override
    public void close() {
        fake.close();
    }
}
