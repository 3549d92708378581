package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.openstackops.mcp.catalog.ToolDefinition;
import io.github.openstackops.mcp.catalog.ToolProvider;
import io.github.openstackops.mcp.catalog.Toolset;
import io.github.openstackops.mcp.catalog.schema.IdOrName;
import io.github.openstackops.mcp.catalog.schema.Limit;
import io.github.openstackops.mcp.catalog.schema.Marker;
import io.github.openstackops.mcp.catalog.schema.Param;
import io.github.openstackops.mcp.catalog.schema.Timeout;
import io.github.openstackops.mcp.catalog.schema.Wait;
import io.github.openstackops.mcp.image.ImportRecords.ImageImported;
import io.github.openstackops.mcp.image.ImportRecords.ImportInfo;
import io.github.openstackops.mcp.image.ImportRecords.NamespaceDetail;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Image imports (glance-direct, copy-image), what the cloud offers for them, and the metadef namespaces. */
@Singleton
public class ImageImportTools implements ToolProvider {

    public enum Method { GLANCE_DIRECT, COPY_IMAGE }

    public record NoArgs() {
    }

    public record ImportArgs(
            @IdOrName(ImageTools.IMAGE) String image,
            @Param(value = "glance_direct: stage a local file into a queued image, then import it; copy_image: copy"
                    + " an active image's data into more stores", required = true) Method method,
            @Param(value = "Store ids (image_import_info lists them): where the data goes; required for copy_image",
                    maxItems = 16) List<String> stores,
            @Param(value = "glance_direct: absolute path of the image file on the host this MCP server runs on",
                    maxLength = 4096) String filePath,
            @Param(value = "Fail the import unless every named store gets the data", defaultValue = "true")
            Boolean allStoresMustSucceed,
            @JsonProperty("wait") @Wait("Wait until the import is done, reporting progress") Boolean waitUntilDone,
            @Timeout(seconds = 600, max = 3600) Integer timeoutSeconds) {
    }

    public record NamespaceListArgs(
            @Limit("Namespaces per page") Integer limit,
            @Marker("Namespace name of the last one of the previous page (its 'next_marker')") String marker,
            @Param(value = "Only namespaces for this resource type, e.g. OS::Glance::Image, OS::Nova::Flavor",
                    maxLength = 255) String resourceType) {
    }

    public record NamespaceArgs(
            @Param(value = "Namespace, e.g. OS::Compute::Libvirt", required = true, minLength = 1, maxLength = 255)
            String namespace) {
    }

    private final ImageImports imports;
    private final MetadefService metadefs;

    public ImageImportTools(ImageImports imports, MetadefService metadefs) {
        this.imports = imports;
        this.metadefs = metadefs;
    }

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("image_import_info", Toolset.IMAGE, NoArgs.class, ImportInfo.class)
                        .title("Images: Import Info")
                        .description("Import methods and stores. What image_create and image_import can use here.")
                        .handler((ctx, a) -> imports.info())
                        .build(),
                ToolDefinition.write("image_import", Toolset.IMAGE, ImportArgs.class, ImageImported.class)
                        .title("Images: Import")
                        .description("Import image data, or copy to stores. glance_direct stages a local"
                                + " file into an image created without data, then imports it; copy_image copies an"
                                + " active image into more stores (admin under Glance's default policy). Files in"
                                + " system or hidden directories are refused.")
                        .handler((ctx, a) -> imports.importData(a.image(), a.method().name().toLowerCase(Locale.ROOT)
                                        .replace('_', '-'), a.stores() == null ? List.of() : a.stores(), a.filePath(),
                                !Boolean.FALSE.equals(a.allStoresMustSucceed()), a.waitUntilDone(),
                                Duration.ofSeconds(a.timeoutSeconds()), ctx))
                        .build(),
                ToolDefinition.read("metadef_namespace_list", Toolset.IMAGE, NamespaceListArgs.class,
                                ImportRecords.NAMESPACES)
                        .title("Metadef namespaces: List")
                        .description("Metadef namespaces. Glance's catalogue of image, flavor and volume properties"
                                + " (hw_*, os_*), paged by Glance.")
                        .handler((ctx, a) -> metadefs.list(a.limit(), a.marker(), a.resourceType()))
                        .build(),
                ToolDefinition.read("metadef_namespace_get", Toolset.IMAGE, NamespaceArgs.class, NamespaceDetail.class)
                        .title("Metadef namespaces: Get")
                        .description("One metadef namespace. Its properties (type, allowed values), objects and the"
                                + " prefixes they take per resource type.")
                        .handler((ctx, a) -> metadefs.get(a.namespace()))
                        .build());
    }
}
