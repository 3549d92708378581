package io.github.openstackops.mcp.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The lines of an audit file, parsed, for tests in other packages. */
public final class AuditLines {

    private AuditLines() {
    }

    public static List<Map<String, Object>> read(Path audit) throws IOException {
        return AuditTrailTest.lines(audit);
    }
}
