package io.github.openstackops.mcp.image;

import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.schema.Doc;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What Glance can import and where it stores images, and the metadata definitions it ships. */
public final class ImportRecords {

    private ImportRecords() {
    }

    @Doc("An image store of this Glance")
    public record Store(
            @Doc("Store id, e.g. fs, ceph") String id,
            @Nullable @Doc("Description") String description,
            @Doc("Whether new image data lands here unless stores are named") boolean isDefault) {
    }

    @Doc("How images can get their data into this Glance, and where it keeps them")
    public record ImportInfo(
            @Doc("Import methods offered, e.g. glance-direct, web-download, copy-image") List<String> importMethods,
            @Doc("Stores (empty when Glance has a single, unnamed store)") List<Store> stores) {
    }

    @Doc("The result of an image import")
    public record ImageImported(
            @Doc("Image id") String id,
            @Nullable @Doc("Image name") String name,
            @Doc("Import method used") String method,
            @Doc("Image status now") String status,
            @Doc("Stores holding the image's data now") List<String> stores,
            @Doc("Stores the import failed for") List<String> failedStores,
            @Doc("Whether the import finished (false when still running or when the call did not wait)") boolean done,
            @Doc("What happened, in a sentence") String message) {
    }

    @Doc("A metadata definition namespace, summarised")
    public record Namespace(
            @Doc("Namespace, e.g. OS::Compute::Libvirt") String namespace,
            @Nullable @Doc("Display name") String displayName,
            @Nullable @Doc("Description") String description,
            @Doc("public or private") String visibility,
            @Doc("Resource types it applies to, e.g. OS::Glance::Image, OS::Nova::Flavor") List<String> resourceTypes) {
    }

    public static final Page.Kind<Namespace> NAMESPACES = Page.Kind.of(Namespace.class, "namespaces",
            "metadef namespaces");

    @Doc("A resource type a namespace applies to")
    public record ResourceType(
            @Doc("Resource type, e.g. OS::Nova::Flavor") String name,
            @Nullable @Doc("Prefix of the property names there, e.g. hw:") String prefix) {
    }

    @Doc("A metadata property a namespace defines")
    public record Property(
            @Doc("Property name, e.g. hw_rng_model") String name,
            @Nullable @Doc("Type: string, integer, number, boolean, array") String type,
            @Nullable @Doc("Title") String title,
            @Doc("Allowed values, when it is an enumeration") List<String> allowed) {
    }

    @Doc("A group of related properties in a namespace")
    public record MetadefObject(
            @Doc("Object name") String name,
            @Nullable @Doc("Description") String description,
            @Doc("Names of its properties") List<String> properties) {
    }

    @Doc("A metadata definition namespace with its properties and objects")
    public record NamespaceDetail(
            @Doc("The namespace") Namespace namespace,
            @Doc("Resource types it applies to, with the prefix its property names take there (hw_ on images, hw:"
                    + " in flavor extra specs)") List<ResourceType> appliesTo,
            @Doc("Properties it defines (descriptions left out: namespace names and titles say what they are)")
            List<Property> properties,
            @Doc("Objects: groups of properties") List<MetadefObject> objects) {
    }
}
