package io.github.openstackops.mcp.cluster;

import io.github.openstackops.mcp.catalog.ActingIdentity;
import io.github.openstackops.mcp.catalog.OpenStackCredential;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every task of a fan-out acts with the identity of the call that started it, and the pool's threads keep none. */
class ParallelIdentityTest {

    @Test
    void tasks_act_with_the_identity_of_the_call_that_started_them() {
        OpenStackCredential caller = OpenStackCredential.presented("cred-1", "secret-1-abcdefgh");
        Map<String, Supplier<String>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            tasks.put("t" + i, () -> ActingIdentity.current() == null ? "service" : ActingIdentity.current().id());
        }
        Map<String, Parallel.Outcome<String>> asCaller;
        try (ActingIdentity.Scope ignored = ActingIdentity.enter(caller)) {
            asCaller = Parallel.run(tasks, Duration.ofSeconds(10), 4, new OpenStackFaults());
        }
        Map<String, Parallel.Outcome<String>> asService = Parallel.run(tasks, Duration.ofSeconds(10), 4,
                new OpenStackFaults());

        assertThat(asCaller.values()).allSatisfy(o -> assertThat(o.value()).isEqualTo("cred-1"));
        assertThat(asService.values()).allSatisfy(o -> assertThat(o.value()).isEqualTo("service"));
        assertThat(ActingIdentity.current()).isNull();
    }
}
