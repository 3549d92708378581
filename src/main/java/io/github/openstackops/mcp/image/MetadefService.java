package io.github.openstackops.mcp.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.GlanceClient;
import io.github.openstackops.mcp.image.ImportRecords.MetadefObject;
import io.github.openstackops.mcp.image.ImportRecords.Namespace;
import io.github.openstackops.mcp.image.ImportRecords.NamespaceDetail;
import io.github.openstackops.mcp.image.ImportRecords.Property;
import io.github.openstackops.mcp.image.ImportRecords.ResourceType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.stringList;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Glance's metadata definitions (metadefs): namespaces of the properties images, flavors and volumes understand
 * (hw_*, os_*), listed and paged by Glance (the marker is a namespace name), one in detail with its properties and
 * objects summarised (descriptions, which run to paragraphs, left out).
 */
@Singleton
public class MetadefService {

    private final GlanceClient glance;

    public MetadefService(GlanceClient glance) {
        this.glance = glance;
    }

    public Page<Namespace> list(int limit, @Nullable String marker, @Nullable String resourceType) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        Json.putIfSet(query, "marker", marker);
        Json.putIfSet(query, "resource_types", resourceType);
        Paging.Slice<JsonNode> page = Paging.slice(array(glance.get("/metadefs/namespaces", query), "namespaces"),
                limit, n -> text(n, "namespace"));
        return ImportRecords.NAMESPACES.page(page.items().stream().map(MetadefService::namespace).toList(),
                page.nextMarker());
    }

    public NamespaceDetail get(String namespace) {
        JsonNode n = Json.orNull(() -> glance.get("/metadefs/namespaces/" + Json.segment(namespace.trim()), null));
        if (n == null || !n.has("namespace")) {
            throw OpenStackFaults.notFound("Metadef namespace '" + namespace.trim() + "' (names are case-sensitive,"
                    + " e.g. OS::Compute::Libvirt; metadef_namespace_list lists them)");
        }
        List<ResourceType> types = array(n, "resource_type_associations").stream()
                .map(r -> new ResourceType(text(r, "name"), Json.nonEmpty(r, "prefix"))).toList();
        List<MetadefObject> objects = array(n, "objects").stream().map(o -> new MetadefObject(text(o, "name"),
                Json.nonEmpty(o, "description"), names(o.path("properties")))).toList();
        return new NamespaceDetail(namespace(n), types, properties(n.path("properties")), objects);
    }

    private static List<Property> properties(JsonNode properties) {
        List<Property> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            out.add(new Property(e.getKey(), text(p, "type"), Json.nonEmpty(p, "title"), stringList(p, "enum")));
        }
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Namespace namespace(JsonNode n) {
        return new Namespace(text(n, "namespace"), Json.nonEmpty(n, "display_name"), Json.nonEmpty(n, "description"),
                text(n, "visibility"), array(n, "resource_type_associations").stream().map(r -> text(r, "name"))
                .toList());
    }
}
