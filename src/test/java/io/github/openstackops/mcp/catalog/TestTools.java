package io.github.openstackops.mcp.catalog;

import io.github.openstackops.mcp.catalog.schema.Doc;
import io.github.openstackops.mcp.catalog.schema.Param;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A small catalog of fake tools of every safety class, for the catalog's own tests. */
final class TestTools implements ToolProvider {

    record NameArgs(@Param(value = "Thing", required = true) String name) {
    }

    record Done(@Doc("What happened") String message) {
    }

    final AtomicInteger executions = new AtomicInteger();
    volatile RuntimeException failure;

    @Override
    public List<ToolDefinition<?, ?>> tools() {
        return List.of(
                ToolDefinition.read("thing_get", Toolset.COMPUTE, NameArgs.class, Done.class)
                        .title("Things: Get").description("Reads a thing.")
                        .handler((ctx, a) -> run("read " + a.name())).build(),
                ToolDefinition.write("thing_update", Toolset.NETWORK, NameArgs.class, Done.class)
                        .title("Things: Update").description("Changes a thing.")
                        .handler((ctx, a) -> run("updated " + a.name())).build(),
                ToolDefinition.destructive("thing_delete", Toolset.STORAGE, NameArgs.class, Done.class)
                        .title("Things: Delete").description("Deletes a thing.")
                        .preview((ctx, a) -> new Preview("delete thing", "Delete thing " + a.name() + ".",
                                List.of(new Preview.Resource("thing", "id-" + a.name(), a.name(), "deleted")),
                                List.of()))
                        .handler((ctx, a) -> run("deleted " + a.name())).build(),
                ToolDefinition.read("secret_get", Toolset.COMPUTE, NameArgs.class, Done.class)
                        .title("Secrets: Get").description("Returns sensitive output.").sensitive()
                        .handler((ctx, a) -> run("secret " + a.name())).build());
    }

    private Done run(String message) {
        if (failure != null) {
            throw failure;
        }
        executions.incrementAndGet();
        return new Done(message);
    }
}
