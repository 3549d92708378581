package io.github.openstackops.mcp.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.BeforeEach;

/**
 * The recorded Neutron of {@link NeutronFake}, with the QoS, RBAC, trunk and port forwarding answers recorded by
 * testbed/record/network-reach.sh on top, as the admin (QoS writes are admin only in Neutron's default policy).
 */
abstract class NetworkReachTestBase extends NeutronToolsTestBase {

    static final String R = "network-reach/";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String QOS = "394c9323-dff4-4528-bc2d-7ef5f732d8c5";
    static final String QOS_NAME = "net-rec-20741-qos";
    static final String BW_RULE = "956cc7bf-0ef4-4416-9f01-74fd6c18a51a";
    static final String QNET = "0f317ca1-2e22-418a-b34a-a62c4231b355";
    static final String QPORT = "db1ae050-0705-4e81-87c9-3abe66a05799";
    static final String QSUB = "5c827f96-d9bd-4371-92dd-a0b89e4ec9ac";
    static final String PRIVATE_NET = "8704234a-fc1f-4b64-b4b1-7de49eb66469";
    static final String RBAC = "1c651dc9-03f1-457c-8932-de3f995f9cd7";
    static final String ADMIN_PROJECT = "b18b492d9fa1434caa2fde0caaa4bcc6";
    static final String TRUNK = "fc15c0e0-1211-4df4-8529-54e5985e14da";
    static final String FIP = "4a747328-48ed-4436-bfdd-1310f2d27ccd";
    static final String FIP_ADDRESS = "203.0.113.130";
    static final String PF = "38eed18a-1d8d-41b9-a10f-32706d12e5a6";
    static final String DB_PORT = "37c49147-b8c2-4c0e-80d7-d173cad41fbd";
    static final String SG = "cc1500f6-d6ea-444d-95f8-6ad121334928";

    @BeforeEach
    @Override
    void start() {
        fake = NeutronFake.start();
        collection("qos/policies", "qos-policies.json", "policies");
        collection("networks", "networks-qos-fields.json", "networks");
        collection("floatingips", "floatingips.json", "floatingips");
        collection("rbac-policies", "rbac-policies.json", "rbac_policies");
        collection("trunks", "trunks.json", "trunks");
        collection("ports", "ports-demo.json", "ports");
        collection("floatingips/" + FIP + "/port_forwardings", "pfs.json", "port_forwardings");
        reach("GET", N + "/extensions/.*", 200, "extension-qos.json"); // every extension is there
        reach("GET", N + "/qos/policies/" + QOS, 200, "qos-policy.json");
        reach("GET", N + "/rbac-policies/" + RBAC, 200, "rbac-policy.json");
        reach("GET", N + "/trunks/" + TRUNK, 200, "trunk.json");
        reach("GET", N + "/floatingips/" + FIP, 200, "floatingip.json");
        reach("GET", N + "/floatingips/" + FIP + "/port_forwardings/" + PF, 200, "pf.json");
        fake.on("GET", N + "/ports/[0-9a-f-]{36}", r -> item(r.path(), "ports-demo.json", "ports", "port"));
        reach("GET", N + "/networks/" + QNET, 200, "network-create-admin.json");
        reach("GET", N + "/ports/" + QPORT, 200, "port-create-admin.json");
        reach("GET", N + "/subnets/" + QSUB, 200, "subnet-create-admin.json");
        reach("GET", "/identity/v3/projects/" + ADMIN_PROJECT, 200, "project-admin.json");
        tools = ToolHarness.on(fake).allowModify().asAdmin().start();
    }

    void collection(String path, String file, String key) {
        fake.on("GET", N + "/" + path, r -> NeutronFake.filtered(r, fake.recorded(R + file), key));
    }

    /** One item of a recorded list, as Neutron answers GET /{collection}/{id}; 404 when the list lacks it. */
    private Reply item(String path, String file, String key, String singular) {
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode list;
        try {
            list = JSON.readTree(fake.recorded(R + file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (JsonNode item : list.path(key)) {
            if (id.equals(item.path("id").asText())) {
                return Reply.json(200, NeutronFake.write(JSON.createObjectNode().set(singular, item)));
            }
        }
        return NeutronFake.notFound(fake);
    }

    void reach(String method, String path, int status, String file) {
        fake.on(method, path, status, R + file);
    }
}
