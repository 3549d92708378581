package io.github.openstackops.mcp.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.core.transport.ClientConstants;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.internal.HttpExecutor;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;
import org.openstack4j.openstack.identity.v3.domain.TokenAuth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Keystone v3 authentication: password (user by name or id, project by name or id) or application credential.
 * Its failures are {@link ToolException}s of kind UNAVAILABLE that name the problem (unreachable URL, TLS,
 * rejected credentials, unknown project) — never the password.
 */
public final class KeystoneAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KeystoneAuthenticator.class);

    public KeystoneToken authenticate(CloudProfile profile, Config config) {
        HttpResponse response = post(profile, config, authBody(profile, true));
        try {
            int status = response.getStatus();
            if (status >= 400) {
                String said = readError(response);
                if (status == 401 && scopeIsTheProblem(profile, config)) {
                    throw unavailable("Keystone accepted the credentials of " + who(profile) + " but not the project: "
                            + scope(profile) + " does not exist or the user has no role on it. Check OS_PROJECT_NAME"
                            + " (or OS_PROJECT_ID) and OS_PROJECT_DOMAIN_NAME.");
                }
                throw rejected(profile, status, said);
            }
            KeystoneToken token = response.readEntity(KeystoneToken.class);
            String id = response.header(ClientConstants.HEADER_X_SUBJECT_TOKEN);
            if (token == null || id == null) {
                LOG.warn("Keystone at {} answered HTTP {} without a token", profile.authUrl(), status);
                throw unavailable("Keystone answered HTTP " + status
                        + " without a token; is OS_AUTH_URL really a Keystone v3 endpoint?");
            }
            Secrets.register(id);
            token.setId(id);
            String projectName = token.getProject() == null ? null : token.getProject().getName();
            String projectId = token.getProject() == null ? null : token.getProject().getId();
            // a TokenAuth context (not the password) so openstack4j can never re-authenticate behind our back
            return token.applyContext(profile.authUrl().toString(), new TokenAuth(id, projectName, projectId));
        } finally {
            close(response);
        }
    }

    /** Keystone answers 401 both for bad credentials and for a wrong scope; an unscoped attempt tells which. */
    private boolean scopeIsTheProblem(CloudProfile profile, Config config) {
        if (profile.method() != CloudProfile.AuthMethod.PASSWORD) {
            return false;
        }
        HttpResponse unscoped = post(profile, config, authBody(profile, false));
        try {
            // its token is never read, so never registered with Secrets (which would keep it for good)
            return unscoped.getStatus() == 201;
        } finally {
            close(unscoped);
        }
    }

    private HttpResponse post(CloudProfile profile, Config config, Map<String, Object> auth) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("auth", auth));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest<KeystoneToken> request = HttpRequest.builder(KeystoneToken.class)
                .endpoint(profile.authUrl().toString()).path("/auth/tokens").method(HttpMethod.POST)
                .config(config).json(body).build();
        try {
            return HttpExecutor.create().execute(request);
        } catch (ConnectionException e) {
            throw unreachable(profile, e);
        }
    }

    private static void close(HttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static String who(CloudProfile p) {
        return "user '" + (p.username() != null ? p.username() : p.userId()) + "'";
    }

    private static String scope(CloudProfile p) {
        return p.projectId() != null ? "project id " + p.projectId()
                : "project '" + p.projectName() + "' in domain '"
                + (p.projectDomainName() != null ? p.projectDomainName() : p.projectDomainId()) + "'";
    }

    private static Map<String, Object> authBody(CloudProfile p, boolean scoped) {
        Map<String, Object> identity = new LinkedHashMap<>();
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("identity", identity);
        if (p.method() == CloudProfile.AuthMethod.APPLICATION_CREDENTIAL) {
            identity.put("methods", List.of("application_credential"));
            identity.put("application_credential", Map.of("id", p.applicationCredentialId(),
                    "secret", p.applicationCredentialSecret()));
            return auth; // an application credential is already scoped
        }
        Map<String, Object> user = new LinkedHashMap<>();
        if (p.userId() != null) {
            user.put("id", p.userId());
        } else {
            user.put("name", p.username());
            user.put("domain", domain(p.userDomainId(), p.userDomainName()));
        }
        user.put("password", p.password());
        identity.put("methods", List.of("password"));
        identity.put("password", Map.of("user", user));
        Map<String, Object> project = new LinkedHashMap<>();
        if (p.projectId() != null) {
            project.put("id", p.projectId());
        } else {
            project.put("name", p.projectName());
            project.put("domain", domain(p.projectDomainId(), p.projectDomainName()));
        }
        if (scoped) {
            auth.put("scope", Map.of("project", project));
        }
        return auth;
    }

    private static Map<String, Object> domain(String id, String name) {
        return id != null ? Map.of("id", id) : Map.of("name", name);
    }

    /** Keystone's message for a failed authentication (its answer's first 4 KiB). */
    private static String readError(HttpResponse response) {
        try (InputStream in = response.getInputStream()) {
            return in == null ? "" : CloudApi.faultMessage(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Keystone refused the credentials themselves (HTTP 401, 403 or 404), not an outage. */
    static final class Rejected extends ToolException {
        private final int status;

        Rejected(int status, String message) {
            super(Kind.UNAVAILABLE, message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static ToolException rejected(CloudProfile p, int status, String keystoneMessage) {
        String said = keystoneMessage == null || keystoneMessage.isBlank() ? ""
                : " Keystone said: \"" + Secrets.scrub(keystoneMessage.trim()) + "\"";
        ToolException described = describedRejection(p, status, said);
        return status == 401 || status == 403 || status == 404
                ? new Rejected(status, described.getMessage()) : described;
    }

    private static ToolException describedRejection(CloudProfile p, int status, String said) {
        return switch (status) {
            case 401 -> unavailable("Keystone rejected the credentials of " + p.describe() + " (HTTP 401)." + said
                    + (p.method() == CloudProfile.AuthMethod.PASSWORD
                    ? " Check OS_USERNAME (or OS_USER_ID), OS_PASSWORD and OS_USER_DOMAIN_NAME."
                    : " Check OS_APPLICATION_CREDENTIAL_ID/_SECRET and that the credential has not expired."));
            case 403 -> unavailable("Keystone refused " + p.describe() + " (HTTP 403)." + said);
            case 404 -> unavailable("Keystone answered HTTP 404 (not found)." + said
                    + " Check OS_AUTH_URL (it should be the identity v3 endpoint) and the project name or id.");
            default -> unavailable("Keystone answered HTTP " + status + "." + said
                    + " Try again later.");
        };
    }

    private static ToolException unreachable(CloudProfile p, ConnectionException e) {
        // where Keystone lives is the operator's business (the log), not every caller's
        LOG.warn("Keystone at {} is unreachable: {}", p.authUrl(), e.getMessage());
        return unavailable("Keystone is unreachable: " + OpenStackFaults.networkCause(e)
                + ". Check OS_AUTH_URL and that the identity service is up; calls will work again as soon as it is.");
    }

    private static ToolException unavailable(String message) {
        return new ToolException(ToolException.Kind.UNAVAILABLE, message);
    }
}
