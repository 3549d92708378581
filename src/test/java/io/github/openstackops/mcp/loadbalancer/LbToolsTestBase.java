package io.github.openstackops.mcp.loadbalancer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Octavia as recorded from the testbed's seeded web-lb (testbed/record/loadbalancer.sh): listener web-http, pool
 * web-pool with members web-1 and db-1, monitor web-hm, an L7 policy with one rule (recorded, then deleted there),
 * and as admin its amphora, the providers, a flavor and an availability zone. Changes are answered with the object's
 * recorded body, as Octavia answers them; the load balancer is always ACTIVE again.
 */
abstract class LbToolsTestBase {

    static final String L = "/load-balancer/v2/lbaas";
    static final ObjectMapper JSON = new ObjectMapper();

    FakeOpenStack fake;
    ToolHarness tools;
    String lbId;
    String listenerId;
    String poolId;
    String memberId;
    String monitorId;
    String policyId;
    String ruleId;
    final AtomicBoolean deleted = new AtomicBoolean();

    JsonNode tree(String file) {
        try {
            return JSON.readTree(fake.recorded("loadbalancer/" + file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String id(String file, String key) {
        return tree(file).path(key).path("id").asText();
    }

    /** Answers method + path with the recorded file (status 200 for GET and PUT, 201 for POST, 204 for DELETE). */
    void on(String method, String path, String file) {
        int status = switch (method) {
            case "POST" -> 201;
            case "DELETE" -> 204;
            default -> 200;
        };
        fake.on(method, path, r -> file == null ? new FakeOpenStack.Reply(status, "", Map.of())
                : FakeOpenStack.Reply.json(status, fake.recorded("loadbalancer/" + file)));
    }

    /** Whether the tools run as demo (default) or as admin (both tokens have the load-balancer service). */
    boolean admin() {
        return false;
    }

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start().token(admin() ? "loadbalancer/token-admin.json" : "loadbalancer/token-demo.json");
        lbId = id("loadbalancer-web-lb.json", "loadbalancer");
        listenerId = id("listener-web-http.json", "listener");
        poolId = id("pool-web-pool.json", "pool");
        memberId = id("member-first.json", "member");
        monitorId = id("healthmonitor-web-hm.json", "healthmonitor");
        policyId = id("l7policy.json", "l7policy");
        ruleId = id("l7rule.json", "rule");
        // later routes win: any other load balancer is not found
        fake.on("GET", L + "/loadbalancers/[0-9a-f-]+", 404, "loadbalancer/loadbalancer-404.json")
                .on("GET", L + "/loadbalancers", r -> FakeOpenStack.Reply.json(200, fake.recorded(
                        r.query().contains("name=web-lb") ? "loadbalancer/loadbalancers-web-lb.json"
                                : "loadbalancer/loadbalancers.json")))
                .on("GET", L + "/loadbalancers/" + lbId, r -> deleted.get()
                        ? FakeOpenStack.Reply.json(404, fake.recorded("loadbalancer/loadbalancer-404.json"))
                        : FakeOpenStack.Reply.json(200, fake.recorded("loadbalancer/loadbalancer-web-lb.json")));
        on("GET", L + "/loadbalancers/" + lbId + "/status", "status-web-lb.json");
        on("GET", L + "/loadbalancers/" + lbId + "/stats", "stats-web-lb.json");
        on("GET", L + "/listeners", "listeners-web-lb.json");
        on("GET", L + "/listeners/" + listenerId, "listener-web-http.json");
        on("GET", L + "/listeners/" + listenerId + "/stats", "stats-web-http.json");
        on("GET", L + "/l7policies", "l7policies-web-http.json");
        on("GET", L + "/l7policies/" + policyId, "l7policy.json");
        on("GET", L + "/l7policies/" + policyId + "/rules", "l7rules.json");
        on("GET", L + "/l7policies/" + policyId + "/rules/" + ruleId, "l7rule.json");
        on("GET", L + "/pools", "pools-web-lb.json");
        on("GET", L + "/pools/" + poolId, "pool-web-pool.json");
        on("GET", L + "/pools/" + poolId + "/members", "members-web-pool.json");
        on("GET", L + "/pools/" + poolId + "/members/" + memberId, "member-first.json");
        on("GET", L + "/healthmonitors", "healthmonitors.json");
        on("GET", L + "/healthmonitors/" + monitorId, "healthmonitor-web-hm.json");
        tools = ToolHarness.on(fake).allowModify().property("openstack.poll-interval", "10ms").start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    /** The JSON body of the only request matching method and path. */
    JsonNode body(String method, String path) {
        List<FakeOpenStack.Request> sent = fake.requests(method, path);
        if (sent.size() != 1) {
            throw new AssertionError(sent.size() + " requests " + method + " " + path + ", expected 1");
        }
        try {
            return JSON.readTree(sent.get(0).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> result, String key) {
        return (Map<String, Object>) result.get(key);
    }
}
