package io.github.openstackops.mcp.image;

import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import io.github.openstackops.mcp.catalog.ToolException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Image files on the host this server runs on, checked before anything is created in the cloud.
 * <ul>
 *   <li>With an upload directory (IMAGE_UPLOAD_DIR), on every surface: the path (absolute, or relative to the
 *       directory) must lead, once symbolic links are resolved, to a readable, non-empty regular file inside it. Every
 *       refusal reads the same, so a caller cannot learn which paths exist outside the directory.</li>
 *   <li>Without one, over HTTP: no local file is read. The host is the server's, not the caller's, and its files
 *       (clouds.yaml, private keys, audit logs) are not the caller's to upload; source_url remains.</li>
 *   <li>Without one, over stdio: the server runs as the user on their own machine, so an absolute path to their own
 *       file is read; system and hidden places where credentials live (/etc, /proc, /sys, /dev, /run, and anything
 *       under a name starting with a dot, like ~/.ssh or ~/.config/openstack) are still refused.</li>
 * </ul>
 */
@Singleton
public class LocalImageFiles {

    public static final String PROPERTY = "mcp.image.upload-dir";
    private static final List<Path> SYSTEM = List.of(Path.of("/etc"), Path.of("/proc"), Path.of("/sys"),
            Path.of("/dev"), Path.of("/run"));

    /** The upload directory (real path), or null when none is configured. */
    @Nullable
    private final Path uploadDir;

    /** A file that passed the checks: its real path and size. */
    public record Checked(Path path, long size) {
    }

    public LocalImageFiles(@Value("${" + PROPERTY + ":}") String uploadDir) {
        if (uploadDir == null || uploadDir.isBlank()) {
            this.uploadDir = null;
            return;
        }
        try {
            Path dir = Path.of(uploadDir.trim()).toRealPath();
            if (!Files.isDirectory(dir)) {
                throw new ConfigurationException("IMAGE_UPLOAD_DIR=" + uploadDir + " is not a directory.");
            }
            this.uploadDir = dir;
        } catch (IOException | InvalidPathException e) {
            throw new ConfigurationException("IMAGE_UPLOAD_DIR=" + uploadDir + " is not an existing directory.");
        }
    }

    public Checked check(String given, Surface surface) {
        if (uploadDir != null) {
            return inUploadDir(given);
        }
        if (surface != Surface.STDIO) {
            throw ToolException.refused("file_path is off on this server: over HTTP the file would be read from the"
                    + " server's machine, not yours, and the operator has not named an upload directory"
                    + " (IMAGE_UPLOAD_DIR). Give source_url (an http(s) URL Glance can download) instead, or ask the"
                    + " operator to set IMAGE_UPLOAD_DIR and put the file there.");
        }
        return onOwnMachine(given);
    }

    /** A file inside the upload directory; one refusal for every path that is not one. */
    private Checked inUploadDir(String given) {
        ToolException refused = ToolException.invalid("file_path '" + given + "' is not a readable, non-empty file in"
                + " this server's upload directory (IMAGE_UPLOAD_DIR). Put the image there and give its name"
                + " relative to that directory, or give source_url instead.");
        Path real;
        try {
            Path path = uploadDir.resolve(given.trim()).normalize();
            if (!path.startsWith(uploadDir)) {
                throw refused;
            }
            real = path.toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw refused;
        }
        if (!real.startsWith(uploadDir) || !Files.isRegularFile(real) || !Files.isReadable(real)) {
            throw refused;
        }
        long size;
        try {
            size = Files.size(real);
        } catch (IOException e) {
            throw refused;
        }
        if (size == 0) {
            throw refused;
        }
        return new Checked(real, size);
    }

    /** The stdio user's own file, outside system and hidden places. */
    private static Checked onOwnMachine(String given) {
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
            throw ToolException.invalid("file_path '" + given + "' cannot be resolved.");
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
            throw ToolException.invalid("file_path '" + given + "' cannot be read.");
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
