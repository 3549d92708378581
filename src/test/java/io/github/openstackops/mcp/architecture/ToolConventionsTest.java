package io.github.openstackops.mcp.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules over the whole inventory that a newcomer can rely on, read from the committed tool snapshots (which
 * ToolInventoryTest keeps equal to the catalog): every tool is exercised by a unit test of its feature package, and
 * tool names follow the naming rule of CONTRIBUTING.md.
 */
class ToolConventionsTest {

    static final Path SNAPSHOTS = Path.of("src/test/resources/toolsnaps");
    static final Path TESTS = Path.of("src/test/java/io/github/openstackops/mcp");
    /** Test folders of infrastructure, not features: a tool named there is not thereby tested. */
    static final Set<String> NOT_FEATURE_TESTS = Set.of("architecture", "catalog", "live", "transport", "rest", "auth",
            "audit", "launch", "support", "bench", "deploy", "cloud");
    /** The verbs a tool name may end in: {@code <resource>_<verb>}. */
    static final Set<String> VERBS = Set.of("list", "get", "create", "update", "delete", "set", "add", "remove",
            "import", "associate", "disassociate", "clear", "grant", "revoke", "activate", "deactivate", "reactivate",
            "start", "stop", "reboot", "pause", "unpause", "suspend", "resume", "shelve", "unshelve", "rescue",
            "unrescue", "lock", "unlock", "migrate", "rebuild", "resize", "confirm", "revert", "search", "attach",
            "detach", "extend", "retype", "restore", "check", "preview", "cancel", "validate", "failover", "replace",
            "offload", "backup", "evacuate", "accept", "abort", "complete");
    @Test
    void every_tool_is_called_by_a_unit_test_of_a_feature_package() throws IOException {
        String tests = featureTestSources();
        List<String> untested = toolNames().stream().filter(name -> !tests.contains("\"" + name + "\"")).toList();
        assertThat(untested).as("tools no unit test calls (add one next to the tool's other tests)").isEmpty();
    }

    /**
     * A tool that acts on a resource is named {@code <resource>_<verb>} (server_list, volume_extend,
     * router_gateway_set). A read-only report that is no single resource is named after what it returns,
     * {@code <subject>_<report>} (cluster_status, compute_usage, network_topology, token_info): that is the rule,
     * and only read-only tools may use it.
     */
    @Test
    void tools_are_named_resource_then_verb_and_only_read_only_reports_are_named_otherwise() throws IOException {
        ObjectMapper json = new ObjectMapper();
        TreeMap<String, Boolean> reports = new TreeMap<>();
        for (String name : toolNames()) {
            assertThat(name).matches("[a-z][a-z0-9]*(_[a-z0-9]+)+");
            String verb = name.substring(name.lastIndexOf('_') + 1);
            if (!VERBS.contains(verb)) {
                JsonNode snapshot = json.readTree(SNAPSHOTS.resolve(name + ".json").toFile());
                reports.put(name, snapshot.path("annotations").path("readOnlyHint").asBoolean(false));
            }
        }
        assertThat(reports).as("tools not named <resource>_<verb>, and whether they are read-only").isNotEmpty()
                .allSatisfy((name, readOnly) -> assertThat(readOnly).as(name + " is read-only").isTrue());
    }

    static List<String> toolNames() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
    }

    static String featureTestSources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(TESTS)) {
            for (Path dir : dirs.filter(Files::isDirectory)
                    .filter(d -> !NOT_FEATURE_TESTS.contains(d.getFileName().toString())).toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                        sources.add(Files.readString(file));
                    }
                }
            }
        }
        assertThat(sources).as("feature unit tests found").hasSizeGreaterThan(10);
        return String.join("\n", sources);
    }
}
