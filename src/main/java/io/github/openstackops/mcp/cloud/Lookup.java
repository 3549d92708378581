package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.ToolException;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds a resource the way operators name it: by id, or by exact name when that name is unique. The same rules and
 * messages for every resource type (servers, networks, volumes, images, stacks, projects, ...).
 */
public final class Lookup {

    public static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");

    private Lookup() {
    }

    /**
     * @param kind       what it is, for messages ("Server", "Network")
     * @param ref        the id or name the caller gave
     * @param byId       fetches by id, null when there is none (openstack4j's 404 convention)
     * @param byName     lists candidates for a name (filtered in the API where it can); exact matches are kept
     * @param nameOf     the name of a resource
     * @param idOf       the id of a resource
     */
    public static <T> T byIdOrName(String kind, String ref, Function<String, T> byId,
                                   Function<String, List<? extends T>> byName, Function<T, String> nameOf,
                                   Function<T, String> idOf) {
        String value = ref == null ? "" : ref.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the " + kind.toLowerCase() + " by id or exact name.");
        }
        if (UUID.matcher(value).matches() || looksLikeId(value)) {
            T found = byId.apply(value);
            if (found != null) {
                return found;
            }
        }
        List<? extends T> matches = byName.apply(value).stream().filter(r -> Objects.equals(value, nameOf.apply(r)))
                .toList();
        if (matches.isEmpty()) {
            throw OpenStackFaults.notFound(kind + " '" + value + "'");
        }
        if (matches.size() > 1) {
            throw ToolException.invalid(matches.size() + " " + kind.toLowerCase() + "s are named '" + value
                    + "' (ids " + matches.stream().map(idOf).toList() + "); name it by id.");
        }
        return matches.get(0);
    }

    /** Ids that are not UUIDs (Keystone's 32-hex ids, Nova's integer hypervisor ids). */
    private static boolean looksLikeId(String value) {
        return value.matches("^[0-9a-f]{32}$") || value.matches("^[0-9]+$");
    }

    /** Escapes a literal for the regex name filters of Nova and Cinder. */
    public static String regexLiteral(String text) {
        return text.replaceAll("[\\\\.\\[\\]{}()*+?^$|]", "\\\\$0");
    }
}
