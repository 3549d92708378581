package io.github.openstackops.mcp.compute;

import io.github.openstackops.mcp.support.FakeOpenStack;
import io.github.openstackops.mcp.support.FakeOpenStack.Reply;
import io.github.openstackops.mcp.support.FakeOpenStack.Request;
import io.github.openstackops.mcp.support.ToolHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server tool families against responses recorded from the testbed by testbed/record/servers.sh and
 * servers-ext.sh: the seed servers (web-1, db-1, cache-1) and a throw-away server "rec" recorded in every state it
 * went through.
 */
abstract class ServerToolTestBase {

    static final String WEB_1 = "90cb27f0-bdba-446b-991e-46d1a4093507";
    static final String DB_1 = "f490e824-08ee-449b-bc0e-c030dcd298e7";
    static final String REC = "6c33cd27-6c66-42dd-a327-07874e923869";
    static final String TINY = "e8eefcf4-bb32-4b6b-9b1d-9766f18bd71d";
    static final String SMALL = "d42de0a1-f2e4-421c-9230-8502714ea731";
    static final String CIRROS = "8af7f0aa-5566-488c-8723-3caa49953360";
    static final String PRIVATE = "dbd5977f-4789-4de5-a103-17fb58d5f6eb";
    static final String PROJECT = "8555d241e74c44ad9cc087c1e0ccee5b";
    static final String NOVA = "/compute/v2.1";
    static final String CINDER = "/volume/v3/" + PROJECT;

    protected ToolHarness tools;
    protected FakeOpenStack fake;

    @BeforeEach
    void start() {
        fake = FakeOpenStack.start()
                // name lookups ("name=^web-1$") find web-1
                .on("GET", NOVA + "/servers/detail", 200, rec("search-name-web.json"))
                .on("GET", NOVA + "/servers/" + WEB_1, 200, "servers/server-web-1.json")
                .on("GET", NOVA + "/servers/" + DB_1, 200, "servers/server-db-1.json")
                .on("GET", NOVA + "/servers/" + REC, 200, rec("server-rec-active.json"))
                .on("GET", NOVA + "/flavors/detail", 200, rec("flavors-detail.json"))
                .on("GET", NOVA + "/flavors/" + TINY, 200, "servers/flavor-web-1.json")
                .on("GET", "/image/v2/images/.*", 200, "servers/image-web-1.json")
                .on("GET", "/image/v2/images", 200, rec("images-cirros-fake.json"))
                .on("GET", "/network/v2.0/networks", 200, rec("networks-private.json"))
                .on("GET", CINDER + "/volumes/81727aaa-956e-4afc-a7a2-bd38498613fd", 200, "servers/volume-web-vol.json");
        tools = ToolHarness.on(fake).allowModify().allowSensitive()
                .property("mcp.safety.require-confirmation", true).start();
    }

    @AfterEach
    void stop() {
        tools.close();
    }

    static String rec(String file) {
        return "servers-ext/" + file;
    }

    /** The Nova microversion a request asked for, null for none (2.1). */
    static String microversion(Request r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-OpenStack-Nova-API-Version"))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** Answers with the recorded files in turn; the last one repeats. */
    protected Function<Request, Reply> inTurn(String... files) {
        AtomicInteger calls = new AtomicInteger();
        return r -> Reply.json(200, fake.recorded(files[Math.min(calls.getAndIncrement(), files.length - 1)]));
    }

    /** Answers with one file for plain (2.1) requests and another for requests at a microversion. */
    protected Function<Request, Reply> byMicroversion(String plain, String versioned) {
        return r -> Reply.json(200, fake.recorded(microversion(r) == null ? plain : versioned));
    }

    protected static Function<Request, Reply> accepted() {
        return r -> new Reply(202, "", Map.of());
    }

    protected List<FakeOpenStack.Request> posts(String pathRegex) {
        return fake.requests("POST", pathRegex);
    }

    /** The same JSON, whatever the key order. */
    protected static void assertSameJson(String actual, String expected) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            assertThat(json.readTree(actual)).isEqualTo(json.readTree(expected));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static List<String> query(FakeOpenStack.Request r) {
        return FakeOpenStack.queryParams(r);
    }
}
