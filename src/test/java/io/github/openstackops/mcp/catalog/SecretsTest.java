package io.github.openstackops.mcp.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void registered_secrets_and_secret_looking_pairs_are_masked() {
        Secrets.register("a-long-password-123");

        assertThat(Secrets.scrub("Keystone said a-long-password-123 is wrong")).isEqualTo("Keystone said *** is wrong");
        assertThat(Secrets.scrub("{\"password\": \"hunter2x\", \"name\": \"web\"}"))
                .isEqualTo("{\"password\": \"***\", \"name\": \"web\"}");
        assertThat(Secrets.scrub("X-Auth-Token: gAAAAB123456")).isEqualTo("X-Auth-Token: ***");
    }

    @Test
    void short_values_are_not_masked_by_value_so_names_stay_readable() {
        Secrets.register("demo");

        assertThat(Secrets.scrub("project demo has demo-stack")).isEqualTo("project demo has demo-stack");
    }
}
