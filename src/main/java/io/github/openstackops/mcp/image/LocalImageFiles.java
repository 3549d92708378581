package io.github.openstackops.mcp.image;

import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import jakarta.inject.Singleton;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Image files on the host this server runs on, checked before anything is created in the cloud: an absolute path
 * to a regular, readable, non-empty file. Whatever the path says, the file that is read is where it really leads
 * (symbolic links resolved), and it must not lie in system or hidden places where credentials live (/etc, /proc,
 * /sys, /dev, /run, or any directory or file whose name starts with a dot, like ~/.ssh or ~/.config/openstack):
 * an image upload must not become a way to copy secrets off the server's host.
 */
@Singleton
public class LocalImageFiles {

    private static final List<Path> SYSTEM = List.of(Path.of("/etc"), Path.of("/proc"), Path.of("/sys"),
            Path.of("/dev"), Path.of("/run"));

    /** A file that passed the checks: its real path and size. */
    public record Checked(Path path, long size) {
    }

    public Checked check(String given) {
        Path path;
        try {
            path = Path.of(given.trim());
        } catch (InvalidPathException e) {
            throw ToolException.invalid("file_path '" + given + "' is not a valid path.");
        }
        if (!path.isAbsolute()) {
            throw ToolException.invalid("file_path must be an absolute path on the host this MCP server runs on, e.g."
                    + " /var/tmp/images/cirros.qcow2 (got '" + given + "').");
        }
        refuseSensitive(path.normalize(), given);
        if (!Files.exists(path)) {
            throw ToolException.invalid("file_path '" + given + "' does not exist on the host this MCP server runs on"
                    + " (the file must be on the server's machine, not the client's).");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw ToolException.invalid("file_path '" + given + "' cannot be resolved: " + e.getMessage());
        }
        refuseSensitive(real, given);
        if (!Files.isRegularFile(real)) {
            throw ToolException.invalid("file_path '" + given + "' is not a regular file.");
        }
        if (!Files.isReadable(real)) {
            throw ToolException.invalid("file_path '" + given + "' is not readable by this MCP server's user.");
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw ToolException.invalid("file_path '" + given + "' cannot be read: " + e.getMessage());
        }
        if (size == 0) {
            throw ToolException.invalid("file_path '" + given + "' is empty; an image needs data.");
        }
        return new Checked(real, size);
    }

    private static void refuseSensitive(Path path, String given) {
        for (Path system : SYSTEM) {
            if (path.startsWith(system)) {
                throw ToolException.refused("file_path '" + given + "' lies under " + system + ", where system"
                        + " configuration and credentials live; this server does not upload files from there.");
            }
        }
        for (Path part : path) {
            if (part.toString().startsWith(".")) {
                throw ToolException.refused("file_path '" + given + "' goes through the hidden name '" + part
                        + "' (hidden files and directories hold credentials, e.g. ~/.ssh, ~/.config/openstack);"
                        + " this server does not upload files from there. Copy the image elsewhere first.");
            }
        }
    }

    /** The file's bytes as they are sent, reporting upload progress every 5 % (a FileInputStream, so its size is known). */
    static final class ProgressStream extends FileInputStream {
        private final long size;
        private final ToolContext context;
        private long sent;
        private long reported = -1;

        ProgressStream(Checked file, ToolContext context) throws IOException {
            super(file.path().toFile());
            this.size = file.size();
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            sent += n;
            long step = Math.max(1, size / 20);
            if (sent / step != reported || sent == size) {
                reported = sent / step;
                context.progress(sent, (double) size, "uploaded " + sent + " of " + size + " bytes");
            }
        }
    }
}
