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

    @Test
    void bearer_credentials_and_jwts_are_masked_whatever_their_origin() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz";

        assertThat(Secrets.scrub("sent Authorization: Bearer abc.DEF-123_xyz== upstream"))
                .isEqualTo("sent Authorization: Bearer *** upstream");
        assertThat(Secrets.scrub("the token " + jwt + " expired")).isEqualTo("the token *** expired");
        assertThat(Secrets.scrub("WWW-Authenticate: Bearer realm=\"mcp\", error=\"invalid_token\""))
                .isEqualTo("WWW-Authenticate: Bearer realm=\"mcp\", error=\"invalid_token\"");
        assertThat(Secrets.scrub("send a Bearer token")).isEqualTo("send a Bearer token");
    }

    @Test
    void forgetting_a_value_registered_twice_keeps_it_scrubbed_until_the_last_registration_goes() {
        String shared = "shared-secret-value-77";
        Secrets.register(shared);      // e.g. the server's own OS_PASSWORD
        Secrets.register(shared);      // a user_create password that happens to be the same
        Secrets.forget(shared);        // the user_create call ends

        assertThat(Secrets.scrub("x " + shared)).isEqualTo("x ***");

        Secrets.forget(shared);
        assertThat(Secrets.scrub("x " + shared)).isEqualTo("x " + shared);
        Secrets.forget(shared);        // one forget too many is harmless
        Secrets.register(shared);
        assertThat(Secrets.scrub("x " + shared)).isEqualTo("x ***");
        Secrets.forget(shared);
    }
}
