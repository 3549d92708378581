package io.github.openstackops.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name, version and the instructions every MCP client receives at initialisation. */
public final class ServerInfo {

    public static final String NAME = "openstack-ops-mcp";
    public static final String VERSION = loadVersion();

    public static final String INSTRUCTIONS = """
            Tools to inspect and operate an OpenStack cloud (compute, network, storage, image, orchestration, \
            identity). Operations are named <resource>_<verb>; they are tools themselves, or grouped in tools named \
            <toolset>_read, _write and _destructive that take {"operation": name, "arguments": {...}} (a read \
            group's 'describe' operation returns any operation's parameters). Read tools change nothing. WRITE \
            tools exist only when the operator allowed modifications. DESTRUCTIVE tools take two steps: call \
            without 'confirm' to get a preview of exactly what would go and a token, show the preview to the user, \
            then call again with the same arguments and 'confirm' set to the token. Lists are paginated in the cloud: use filters (name, \
            status) instead of listing everything, and pass 'next_marker' back as 'marker' for more. Errors are \
            sentences saying what to fix.""";

    private ServerInfo() {
    }

    private static String loadVersion() {
        try (InputStream in = ServerInfo.class.getResourceAsStream("/openstack-ops-mcp.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
