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

/**
 * Every task of a fan-out acts in the cloud of the call that started it (several clouds, OS_CLOUDS), with its
 * identity, and the pool's threads keep neither: a fan-out that switched clouds would read or change the wrong one.
 */
class ParallelCloudTest {

    @Test
    void tasks_act_in_the_cloud_and_with_the_identity_of_the_call_that_started_them() {
        Map<String, Supplier<String>> tasks = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            tasks.put("t" + i, () -> ActingIdentity.cloud() + "/"
                    + (ActingIdentity.current() == null ? "service" : ActingIdentity.current().id()));
        }
        Map<String, Parallel.Outcome<String>> onStaging;
        Map<String, Parallel.Outcome<String>> onProdAsCaller;
        try (ActingIdentity.Scope in = ActingIdentity.enterCloud("staging")) {
            onStaging = Parallel.run(tasks, Duration.ofSeconds(10), 4, new OpenStackFaults());
        }
        OpenStackCredential caller = OpenStackCredential.presented("cred-1", "secret-1-abcdefgh");
        try (ActingIdentity.Scope as = ActingIdentity.enter(caller);
             ActingIdentity.Scope in = ActingIdentity.enterCloud("prod")) {
            onProdAsCaller = Parallel.run(tasks, Duration.ofSeconds(10), 4, new OpenStackFaults());
        }
        Map<String, Parallel.Outcome<String>> unscoped = Parallel.run(tasks, Duration.ofSeconds(10), 4,
                new OpenStackFaults());

        assertThat(onStaging.values()).allSatisfy(o -> assertThat(o.value()).isEqualTo("staging/service"));
        assertThat(onProdAsCaller.values()).allSatisfy(o -> assertThat(o.value()).isEqualTo("prod/cred-1"));
        assertThat(unscoped.values()).allSatisfy(o -> assertThat(o.value()).isEqualTo("null/service"));
        assertThat(ActingIdentity.cloud()).isNull();
        assertThat(ActingIdentity.current()).isNull();
    }
}
