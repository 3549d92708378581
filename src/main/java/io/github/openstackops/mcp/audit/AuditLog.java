package io.github.openstackops.mcp.audit;

import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * An append-only file of JSON lines. Each line is written whole (one write of an O_APPEND channel), then forced to the
 * storage device (or at least handed to the operating system), before {@link #append} returns. When the file is
 * rotated away (renamed or deleted by logrotate), the next line opens a new file at the path. New files are created
 * readable by owner and group only.
 */
final class AuditLog implements AutoCloseable {

    private final Path path;
    private final boolean fsync;
    private FileChannel channel;
    private Object fileKey;

    AuditLog(Path path, boolean fsync) {
        this.path = path;
        this.fsync = fsync;
        try {
            open();
        } catch (IOException e) {
            throw new ConfigurationException("AUDIT_LOG_PATH=" + path + " cannot be opened for appending: " + e);
        }
    }

    Path path() {
        return path;
    }

    synchronized void append(String line) throws IOException {
        if (!stillAtPath()) {
            channel.close();
            open();
        }
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        if (fsync) {
            channel.force(false);
        }
    }

    private void open() throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(path)) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(path);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created meanwhile: append to it
            }
        }
        channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    private boolean stillAtPath() {
        if (fileKey == null) {
            return true; // the file system cannot tell; keep writing
        }
        try {
            return Objects.equals(fileKey, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
