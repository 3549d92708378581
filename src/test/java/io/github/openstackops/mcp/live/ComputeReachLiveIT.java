package io.github.openstackops.mcp.live;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.live.LiveCloud.openstack;
import static io.github.openstackops.mcp.live.LiveCloud.openstackAdmin;
import static io.github.openstackops.mcp.live.LiveCloud.openstackStatus;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compute operations beyond the basics, each done by a tool and checked with the openstack CLI: a server created
 * into an anti-affinity group and booted from a new volume of an image, renamed and described, live- and
 * cold-migrated (as admin) so that migration_list and migration_get have records to show; a host aggregate through
 * its life; a private flavor's extra specs and access; and the boot volume deleted with the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComputeReachLiveIT {

    private final String name = "h13-reach-" + LiveCloud.RUN;
    private final String group = name + "-sg";
    private final String aggregate = name + "-agg";
    private final String flavor = name + "-flavor";
    private LiveTools demo;
    private LiveTools admin;
    private String id;
    private String volume;

    @BeforeAll
    void start() {
        demo = LiveTools.demo();
        admin = LiveTools.admin();
    }

    @AfterAll
    void cleanUp() {
        try {
            LiveCloud.deleteServerQuietly(id != null ? id : name);
            openstackStatus("server", "group", "delete", group);
            if (volume != null) {
                openstackStatus("volume", "delete", volume);
            }
            LiveCloud.openstackAdminStatus("aggregate", "remove", "host", aggregate, "compute2");
            LiveCloud.openstackAdminStatus("aggregate", "delete", aggregate);
            LiveCloud.openstackAdminStatus("flavor", "delete", flavor);
        } finally {
            LiveTools.close(demo, admin);
        }
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void server_create_joins_a_server_group_and_boots_from_a_new_volume_of_the_image() {
        demo.ok("server_group_create", Map.of("name", group, "policy", "anti-affinity"));

        Map<String, Object> created = demo.ok("server_create", Map.of("name", name, "flavor", "m1.tiny",
                "image", "cirros-fake", "volume_size", 1, "delete_volume_on_termination", true,
                "networks", List.of("private"), "server_group", group));

        id = (String) created.get("id");
        assertThat(created).containsEntry("status", "ACTIVE");
        assertThat((Map<String, Object>) created.get("server_group")).containsEntry("name", group);
        volume = (String) ((Map<String, Object>) created.get("boot_volume")).get("id");
        assertThat(openstack("server", "group", "show", group, "-f", "value", "-c", "members")).contains(id);
        Map<String, Object> cli = ServerLifecycleLiveIT.json(openstack("server", "show", id, "-f", "json"));
        assertThat((String) cli.get("image")).contains("booted from volume");
        assertThat(cli.get("volumes_attached").toString()).contains(volume);
        assertThat(openstack("volume", "show", volume, "-f", "value", "-c", "bootable")).isEqualTo("true");
    }

    @Test
    @Order(2)
    void server_update_renames_and_describes_the_server() {
        Map<String, Object> updated = demo.ok("server_update", Map.of("server", id, "name", name + "-renamed",
                "description", "live test"));

        assertThat(updated).containsEntry("name", name + "-renamed").containsEntry("description", "live test");
        assertThat(openstack("--os-compute-api-version", "2.19", "server", "show", id, "-f", "value", "-c", "name",
                "-c", "description")).isEqualTo("live test\n" + name + "-renamed");
        demo.ok("server_update", Map.of("server", id, "name", name));
        assertThat(openstack("server", "show", id, "-f", "value", "-c", "name")).isEqualTo(name);
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void migrations_of_a_live_and_a_cold_migration_are_listed_and_read_as_nova_records_them() {
        admin.ok("server_live_migrate", Map.of("server", id));
        admin.ok("server_migrate", Map.of("server", id));
        admin.ok("server_resize_confirm", Map.of("server", id));

        List<Map<String, Object>> migrations = (List<Map<String, Object>>) admin.ok("migration_list",
                Map.of("server", id)).get("migrations");
        assertThat(migrations).extracting(m -> m.get("type")).containsExactly("migration", "live-migration");
        String cli = openstackAdmin("--os-compute-api-version", "2.80", "server", "migration", "list", "--server", id,
                "-f", "value", "-c", "UUID", "-c", "Status", "-c", "Type");
        for (Map<String, Object> m : migrations) {
            assertThat(cli).contains(m.get("uuid") + " " + m.get("status"));
        }
        Map<String, Object> live = admin.ok("migration_get", Map.of("server", id,
                "migration", migrations.get(1).get("uuid")));
        assertThat((Map<String, Object>) live.get("migration")).containsEntry("status", "completed")
                .containsEntry("type", "live-migration");
        assertThat(live).containsEntry("in_progress", false);
        List<Map<String, Object>> typed = (List<Map<String, Object>>) admin.ok("migration_list",
                Map.of("server", id, "type", "live_migration", "status", "completed")).get("migrations");
        assertThat(typed).singleElement().satisfies(m -> assertThat(m.get("uuid")).isEqualTo(migrations.get(1).get("uuid")));
        assertThat(demo.error("migration_list", Map.of())).containsIgnoringCase("admin");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void a_host_aggregate_is_created_changed_and_deleted_with_its_host_taken_out_first() {
        admin.ok("aggregate_create", Map.of("name", aggregate + "-new"));
        admin.ok("aggregate_update", Map.of("aggregate", aggregate + "-new", "name", aggregate));
        admin.ok("aggregate_host_add", Map.of("aggregate", aggregate, "host", "compute2"));
        admin.ok("aggregate_metadata_set", Map.of("aggregate", aggregate, "metadata", Map.of("ssd", "true",
                "h13", "x")));
        Map<String, Object> changed = admin.ok("aggregate_metadata_set", Map.of("aggregate", aggregate,
                "unset", List.of("h13")));

        assertThat((Map<String, Object>) changed.get("aggregate")).containsEntry("metadata", Map.of("ssd", "true"));
        assertThat(openstackAdmin("aggregate", "show", aggregate, "-f", "value", "-c", "hosts", "-c", "properties"))
                .contains("compute2").contains("'ssd': 'true'").doesNotContain("h13");
        assertThat(admin.ok("aggregate_get", Map.of("aggregate", aggregate))).containsEntry("hosts", List.of("compute2"));
        assertThat((List<Map<String, Object>>) admin.ok("aggregate_list", Map.of()).get("aggregates"))
                .extracting(a -> a.get("name")).contains(aggregate);
        admin.ok("aggregate_host_remove", Map.of("aggregate", aggregate, "host", "compute2"));
        assertThat(openstackAdmin("aggregate", "show", aggregate, "-f", "value", "-c", "hosts")).doesNotContain("compute2");
        admin.ok("aggregate_host_add", Map.of("aggregate", aggregate, "host", "compute2"));

        Map<String, Object> preview = (Map<String, Object>) admin.ok("aggregate_delete",
                Map.of("aggregate", aggregate)).get("preview");
        assertThat((List<Map<String, Object>>) preview.get("resources")).extracting(r -> r.get("type") + " " + r.get("name"))
                .containsExactly("aggregate " + aggregate, "compute_host compute2");
        assertThat(admin.confirmed("aggregate_delete", Map.of("aggregate", aggregate)))
                .containsEntry("hosts_removed", List.of("compute2"));
        assertThat(LiveCloud.openstackAdminStatus("aggregate", "show", aggregate)).isNotZero();
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void a_private_flavor_gets_extra_specs_and_is_shared_with_a_project_and_taken_back() {
        admin.ok("flavor_create", Map.of("name", flavor, "vcpus", 1, "ram_mb", 64, "disk_gb", 1, "is_public", false));

        admin.ok("flavor_extra_spec_set", Map.of("flavor", flavor, "extra_specs", Map.of("hw:cpu_policy", "shared",
                "h13:key", "1")));
        Map<String, Object> specs = admin.ok("flavor_extra_spec_remove", Map.of("flavor", flavor, "keys", List.of("h13:key")));
        assertThat(specs).containsEntry("extra_specs", Map.of("hw:cpu_policy", "shared"));
        assertThat(openstackAdmin("flavor", "show", flavor, "-f", "value", "-c", "properties"))
                .contains("'hw:cpu_policy': 'shared'").doesNotContain("h13:key");

        Map<String, Object> added = admin.ok("flavor_access_add", Map.of("flavor", flavor, "project", "demo"));
        assertThat((List<Map<String, Object>>) added.get("projects")).extracting(p -> p.get("name")).containsExactly("demo");
        String demoProject = openstackAdmin("project", "show", "demo", "-f", "value", "-c", "id");
        assertThat(openstackAdmin("flavor", "show", flavor, "-f", "value", "-c", "access_project_ids")).contains(demoProject);
        assertThat(openstack("flavor", "show", flavor, "-f", "value", "-c", "name")).isEqualTo(flavor);
        assertThat(admin.ok("flavor_access_list", Map.of("flavor", flavor))).containsEntry("count", 1);
        assertThat(admin.ok("flavor_access_remove", Map.of("flavor", flavor, "project", "demo"))).containsEntry("count", 0);
        assertThat(openstackAdmin("flavor", "show", flavor, "-f", "value", "-c", "access_project_ids"))
                .doesNotContain(demoProject);
        assertThat(admin.error("flavor_access_list", Map.of("flavor", "m1.tiny"))).contains("is public");
    }

    @Test
    @Order(6)
    void the_boot_volume_made_to_be_deleted_with_the_server_goes_with_it() throws InterruptedException {
        demo.confirmed("server_delete", Map.of("server", id));

        assertThat(openstackStatus("server", "show", id)).isNotZero();
        for (int i = 0; i < 60 && openstackStatus("volume", "show", volume) == 0; i++) {
            Thread.sleep(1000);
        }
        assertThat(openstackStatus("volume", "show", volume)).isNotZero();
        volume = null;
    }
}
