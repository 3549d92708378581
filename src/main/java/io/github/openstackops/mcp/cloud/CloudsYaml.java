package io.github.openstackops.mcp.cloud;

import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a cloud entry from {@code clouds.yaml} (and its {@code secure.yaml} companion) the way openstacksdk does: the
 * file named by OS_CLIENT_CONFIG_FILE, else ./clouds.yaml, ~/.config/openstack/clouds.yaml,
 * /etc/openstack/clouds.yaml — the first that exists.
 */
public final class CloudsYaml {

    private CloudsYaml() {
    }

    /** The standard search path, in order. */
    public static List<Path> searchPath(@Nullable String explicitFile, String name) {
        List<Path> paths = new ArrayList<>();
        if (explicitFile != null && !explicitFile.isBlank() && name.equals("clouds.yaml")) {
            paths.add(Path.of(explicitFile));
        }
        paths.add(Path.of(name));
        paths.add(Path.of(System.getProperty("user.home"), ".config", "openstack", name));
        paths.add(Path.of("/etc/openstack", name));
        return paths;
    }

    /** The flattened entry: {@code auth.*} keys lifted to the top level, secure.yaml merged over clouds.yaml. */
    public static Map<String, Object> load(String cloud, @Nullable String explicitFile) {
        Path file = searchPath(explicitFile, "clouds.yaml").stream().filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new CloudConfigurationException("OS_CLOUD=" + cloud + " but no clouds.yaml was found"
                        + " (looked in " + searchPath(explicitFile, "clouds.yaml") + ")."));
        Map<String, Object> entry = entry(file, cloud).orElseThrow(() -> new CloudConfigurationException(
                "OS_CLOUD=" + cloud + " but " + file + " has no cloud of that name."));
        Optional<Path> secure = searchPath(null, "secure.yaml").stream().filter(Files::isReadable).findFirst();
        Map<String, Object> flat = flatten(entry);
        secure.flatMap(s -> entry(s, cloud)).ifPresent(s -> flat.putAll(flatten(s)));
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> entry(Path file, String cloud) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (root instanceof Map<?, ?> map && map.get("clouds") instanceof Map<?, ?> clouds
                    && clouds.get(cloud) instanceof Map<?, ?> found) {
                return Optional.of((Map<String, Object>) found);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new CloudConfigurationException("Cannot read " + file + ": " + e.getClass().getSimpleName() + ".");
        }
    }

    private static Map<String, Object> flatten(Map<String, Object> entry) {
        Map<String, Object> flat = new LinkedHashMap<>();
        entry.forEach((k, v) -> {
            if (k.equals("auth") && v instanceof Map<?, ?> auth) {
                auth.forEach((ak, av) -> flat.put(String.valueOf(ak), av));
            } else {
                flat.put(k, v);
            }
        });
        return flat;
    }
}
