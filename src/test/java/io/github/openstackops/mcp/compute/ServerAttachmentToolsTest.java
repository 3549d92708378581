package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Volumes, interfaces, security groups and metadata of a server, against recorded responses. */
class ServerAttachmentToolsTest extends ServerToolTestBase {

    private static final String VOL = "5ad043a9-df7a-4d32-8a9a-cdc2ab0c7d6c";
    private static final String FIRST_PORT = "2c29e4a0-2919-437b-8c37-480449b0963e";
    private static final String NEW_PORT = "4f177d51-b5f0-46dd-bc3f-2215f683c425";
    private static final String WEB_SG = "5e337bcb-b162-4f8c-a0a8-e23e5012090e";

    @Test
    @SuppressWarnings("unchecked")
    void server_volume_list_names_each_volume_with_its_device() {
        fake.on("GET", NOVA + "/servers/" + WEB_1 + "/os-volume_attachments", 200, rec("volume-attachments-web-1.json"));

        Map<String, Object> result = tools.ok("server_volume_list", Map.of("server", "web-1"));

        assertThat(result).containsEntry("server_name", "web-1").containsEntry("count", 1);
        assertThat((List<Map<String, Object>>) result.get("volumes")).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("id", "81727aaa-956e-4afc-a7a2-bd38498613fd").containsEntry("name", "web-vol")
                .containsEntry("device", "/dev/sdb"));
    }

    @Test
    void attach_posts_the_volume_and_waits_until_cinder_says_in_use() {
        fake.on("GET", CINDER + "/volumes/" + VOL, inTurn(rec("volume-rec-available.json"),
                        rec("volume-rec-available.json"), rec("volume-rec-in-use.json")))
                .on("POST", NOVA + "/servers/" + REC + "/os-volume_attachments", 200, rec("volume-attach-response.json"));

        Map<String, Object> result = tools.ok("server_volume_attach", Map.of("server", REC, "volume", VOL,
                "device", "/dev/vdb"));

        assertThat(posts(NOVA + "/servers/" + REC + "/os-volume_attachments").get(0).body())
                .isEqualTo("{\"volumeAttachment\":{\"volumeId\":\"" + VOL + "\",\"device\":\"/dev/vdb\"}}");
        assertThat(result).containsEntry("action", "attach").containsEntry("device", "/dev/sdb")
                .containsEntry("volume_status", "in-use").containsEntry("reached_target", true)
                .containsEntry("volume_name", "rec-ext-14728-vol");
        assertThat(tools.progress()).contains("volume available");
    }

    @Test
    void every_cinder_read_of_the_server_tools_speaks_the_storage_tools_microversion() {
        fake.on("GET", CINDER + "/volumes/" + VOL, inTurn(rec("volume-rec-available.json"),
                        rec("volume-rec-in-use.json")))
                .on("POST", NOVA + "/servers/" + REC + "/os-volume_attachments", 200, rec("volume-attach-response.json"));

        tools.ok("server_volume_attach", Map.of("server", REC, "volume", VOL));

        assertThat(fake.requests("GET", CINDER + "/volumes/.*")).isNotEmpty().allSatisfy(r -> assertThat(r.headers()
                .entrySet()).anySatisfy(h -> {
                    assertThat(h.getKey()).isEqualToIgnoringCase("OpenStack-API-Version");
                    assertThat(h.getValue()).containsExactly("volume 3.50");
                }));
    }

    @Test
    void detach_refuses_a_volume_that_is_not_attached_to_the_server() {
        fake.on("GET", CINDER + "/volumes/" + VOL, 200, rec("volume-rec-available.json"));

        assertThat(tools.error("server_volume_detach", Map.of("server", REC, "volume", VOL)))
                .isEqualTo("Volume 'rec-ext-14728-vol' (" + VOL + ") is not attached to server 'rec-ext-14728'.");
        assertThat(fake.count("DELETE", ".*")).isZero();
    }

    @Test
    void detach_deletes_the_attachment_and_waits_until_the_volume_is_available() {
        fake.on("GET", CINDER + "/volumes/" + VOL, inTurn(rec("volume-rec-in-use.json"), rec("volume-rec-in-use.json"),
                        rec("volume-rec-in-use.json"), rec("volume-rec-available.json")))
                .on("DELETE", NOVA + "/servers/" + REC + "/os-volume_attachments/" + VOL, accepted());

        Map<String, Object> result = tools.ok("server_volume_detach", Map.of("server", REC, "volume", VOL));

        assertThat(fake.count("DELETE", NOVA + "/servers/" + REC + "/os-volume_attachments/" + VOL)).isEqualTo(1);
        assertThat(result).containsEntry("action", "detach").containsEntry("volume_status", "available")
                .containsEntry("reached_target", true).containsEntry("device", "/dev/sdb");
        // the volume's own attachments name the server and device: Nova's attachment list is not read
        assertThat(fake.count("GET", NOVA + "/servers/" + REC + "/os-volume_attachments")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void server_interface_list_resolves_network_names_and_floating_ips_in_one_call_each() {
        fake.on("GET", NOVA + "/servers/" + WEB_1 + "/os-interface", 200, rec("interfaces-web-1.json"))
                .on("GET", "/network/v2.0/networks", 200, rec("networks-web-1.json"))
                .on("GET", "/network/v2.0/floatingips", 200, rec("floatingips-web-1.json"));

        Map<String, Object> result = tools.ok("server_interface_list", Map.of("server", WEB_1));

        assertThat((List<Map<String, Object>>) result.get("interfaces")).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("network_name", "private").containsEntry("fixed_ips", List.of("10.0.0.159"))
                .containsEntry("floating_ips", List.of("203.0.113.197")).containsEntry("port_state", "ACTIVE"));
        assertThat(fake.count("GET", "/network/v2.0/networks")).isEqualTo(1);
        assertThat(query(fake.requests("GET", "/network/v2.0/floatingips").get(0)))
                .containsExactly("port_id=3a711bf6-2337-4cb5-ab40-695f344f1446");
    }

    @Test
    void interface_attach_creates_a_port_on_a_network_by_name() {
        fake.on("POST", NOVA + "/servers/" + REC + "/os-interface", 200, rec("interface-attach-response.json"));

        Map<String, Object> result = tools.ok("server_interface_attach", Map.of("server", REC, "network", "private",
                "fixed_ip", "10.0.0.166"));

        assertThat(posts(NOVA + "/servers/" + REC + "/os-interface").get(0).body()).isEqualTo(
                "{\"interfaceAttachment\":{\"net_id\":\"" + PRIVATE + "\",\"fixed_ips\":[{\"ip_address\":\"10.0.0.166\"}]}}");
        assertThat(result).containsEntry("port_id", NEW_PORT).containsEntry("fixed_ips", List.of("10.0.0.166"))
                .containsEntry("reached_target", true);
    }

    @Test
    void interface_attach_needs_exactly_one_of_network_and_port() {
        assertThat(tools.error("server_interface_attach", Map.of("server", REC))).contains("exactly one of 'network'");
        assertThat(tools.error("server_interface_attach", Map.of("server", REC, "port", NEW_PORT, "fixed_ip", "10.0.0.9")))
                .contains("'fixed_ip' goes with 'network'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void interface_detach_previews_the_port_and_its_ips_then_waits_until_the_port_is_gone_from_the_server() {
        // two previews and the detach itself see both ports; then the detached one is gone
        fake.on("GET", NOVA + "/servers/" + REC + "/os-interface", inTurn(rec("interfaces-rec-two.json"),
                        rec("interfaces-rec-two.json"), rec("interfaces-rec-two.json"), rec("interfaces-rec-one.json")))
                .on("GET", "/network/v2.0/floatingips", r -> Reply.json(200, "{\"floatingips\": [{\"id\": \"f1\","
                        + " \"floating_ip_address\": \"203.0.113.9\", \"port_id\": \"" + NEW_PORT + "\"}]}"))
                .on("DELETE", NOVA + "/servers/" + REC + "/os-interface/" + NEW_PORT, accepted());

        Map<String, Object> preview = (Map<String, Object>) tools.ok("server_interface_detach",
                Map.of("server", REC, "port", NEW_PORT)).get("preview");
        assertThat((String) preview.get("summary")).contains(NEW_PORT, "10.0.0.166", "rec-ext-14728");
        assertThat((List<Map<String, Object>>) preview.get("resources"))
                .extracting(r -> r.get("type") + " " + r.get("id") + ": " + r.get("effect")).containsExactly(
                        "port " + NEW_PORT + ": detached; deleted with its fixed IPs (10.0.0.166) if Nova created it,"
                                + " otherwise kept",
                        "floating_ip f1: disassociated, stays allocated to the project",
                        "server " + REC + ": keeps running without the port");
        assertThat((List<String>) preview.get("warnings")).singleElement().asString()
                .contains("the port is deleted and its fixed IPs (10.0.0.166) are released");
        assertThat(fake.count("DELETE", ".*")).isZero();

        Map<String, Object> result = tools.confirmed("server_interface_detach", Map.of("server", REC, "port", NEW_PORT));

        assertThat(result).containsEntry("action", "detach").containsEntry("reached_target", true)
                .containsEntry("fixed_ips", List.of("10.0.0.166"));
        assertThat((String) result.get("message")).contains("Nova had created it and deleted it"); // Neutron: 404
        assertThat(fake.count("DELETE", NOVA + "/servers/" + REC + "/os-interface/" + NEW_PORT)).isEqualTo(1);
    }

    @Test
    void interface_detach_refuses_a_port_the_server_does_not_have() {
        fake.on("GET", NOVA + "/servers/" + REC + "/os-interface", 200, rec("interfaces-rec-one.json"));

        assertThat(tools.error("server_interface_detach", Map.of("server", REC, "port", NEW_PORT)))
                .contains("is not an interface of server 'rec-ext-14728'");
        assertThat(fake.count("DELETE", ".*")).isZero();
        assertThat(FIRST_PORT).isNotEqualTo(NEW_PORT);
    }

    @Test
    void security_group_add_sends_the_group_id_and_reports_the_groups_afterwards() {
        fake.on("GET", "/network/v2.0/security-groups", 200, rec("security-groups-web.json"))
                .on("POST", NOVA + "/servers/" + REC + "/action", accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-active.json"),
                        rec("server-rec-with-web-sg.json")));

        Map<String, Object> result = tools.ok("server_security_group_add", Map.of("server", REC, "group", "web"));

        assertThat(posts(NOVA + "/servers/" + REC + "/action").get(0).body())
                .isEqualTo("{\"addSecurityGroup\":{\"name\":\"" + WEB_SG + "\"}}");
        assertThat(query(fake.requests("GET", "/network/v2.0/security-groups").get(0)))
                .contains("name=web", "project_id=" + PROJECT);
        assertThat(result).containsEntry("changed", true).containsEntry("security_groups", List.of("default", "web"));
    }

    @Test
    void removing_a_group_the_server_does_not_have_changes_nothing() {
        fake.on("GET", "/network/v2.0/security-groups", 200, rec("security-groups-web.json"));

        Map<String, Object> result = tools.ok("server_security_group_remove", Map.of("server", REC, "group", "web"));

        assertThat(result).containsEntry("changed", false).containsEntry("security_groups", List.of("default"));
        assertThat(posts(".*/action")).isEmpty();
    }

    @Test
    void security_group_remove_posts_the_removal() {
        fake.on("GET", "/network/v2.0/security-groups", 200, rec("security-groups-web.json"))
                .on("POST", NOVA + "/servers/" + REC + "/action", accepted())
                .on("GET", NOVA + "/servers/" + REC, inTurn(rec("server-rec-with-web-sg.json"),
                        rec("server-rec-active.json")));

        Map<String, Object> result = tools.ok("server_security_group_remove", Map.of("server", REC, "group", "web"));

        assertThat(posts(NOVA + "/servers/" + REC + "/action").get(0).body())
                .isEqualTo("{\"removeSecurityGroup\":{\"name\":\"" + WEB_SG + "\"}}");
        assertThat(result).containsEntry("changed", true).containsEntry("security_groups", List.of("default"));
    }

    @Test
    void metadata_set_merges_keys_deletes_present_ones_and_reports_all_metadata_afterwards() {
        fake.on("POST", NOVA + "/servers/" + REC + "/metadata", 200, rec("metadata-set-response.json"))
                .on("DELETE", NOVA + "/servers/" + REC + "/metadata/purpose", r -> new Reply(204, "", Map.of()))
                .on("GET", NOVA + "/servers/" + REC + "/metadata", r -> Reply.json(200,
                        "{\"metadata\": {\"owner\": \"ops\"}}"));

        Map<String, Object> result = tools.ok("server_metadata_set", Map.of("server", REC, "metadata", Map.of("owner", "ops"),
                "delete_keys", List.of("purpose", "absent")));

        assertThat(posts(NOVA + "/servers/" + REC + "/metadata").get(0).body())
                .isEqualTo("{\"metadata\":{\"owner\":\"ops\"}}");
        assertThat(fake.count("DELETE", NOVA + "/servers/" + REC + "/metadata/.*")).isEqualTo(1);
        assertThat(result).containsEntry("metadata", Map.of("owner", "ops")).containsEntry("set_keys", List.of("owner"))
                .containsEntry("deleted_keys", List.of("purpose"));
        assertThat((String) result.get("message")).contains("no such key [absent]");
    }

    @Test
    void metadata_set_needs_something_to_do() {
        assertThat(tools.error("server_metadata_set", Map.of("server", REC))).contains("Give 'metadata'");
    }
}
