package io.github.openstackops.mcp.cloud;

import io.github.openstackops.mcp.catalog.Caller;
import io.github.openstackops.mcp.catalog.Surface;
import io.github.openstackops.mcp.catalog.ToolContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollingTest {

    record Progress(double done, Double total, String message) {
    }

    @Test
    void a_wait_reports_each_new_state_and_keeps_reporting_while_the_state_does_not_change() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        ToolContext context = new ToolContext() {
            @Override
            public Caller caller() {
                return Caller.STDIO;
            }

            @Override
            public Surface surface() {
                return Surface.STDIO;
            }

            @Override
            public void progress(double done, Double total, String message) {
                seen.add(new Progress(done, total, message));
            }

            @Override
            public void info(String message) {
            }
        };
        AtomicInteger reads = new AtomicInteger();

        // BUILD for 40 reads at least 10 ms apart (400 ms or more), then ACTIVE; a heartbeat every 100 ms
        Polling.Outcome<String> outcome = Polling.until(() -> reads.incrementAndGet() <= 40 ? "BUILD" : "ACTIVE",
                "ACTIVE"::equals, "ERROR"::equals, s -> s, Duration.ofMinutes(1), Duration.ofMillis(10),
                Duration.ofMillis(100), context);

        assertThat(outcome.reached()).isTrue();
        assertThat(seen).extracting(Progress::message).containsOnly("BUILD");
        assertThat(seen.size()).as("one report per state change only, without the heartbeat").isBetween(3, 40);
        assertThat(seen).extracting(Progress::done).isSorted();
        assertThat(seen).extracting(Progress::total).containsOnly(60.0);
    }
}
