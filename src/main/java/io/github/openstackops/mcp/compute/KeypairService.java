package io.github.openstackops.mcp.compute;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.openstackops.mcp.catalog.Page;
import io.github.openstackops.mcp.catalog.Preview;
import io.github.openstackops.mcp.catalog.Secrets;
import io.github.openstackops.mcp.catalog.ToolException;
import io.github.openstackops.mcp.cloud.Json;
import io.github.openstackops.mcp.cloud.OpenStackFaults;
import io.github.openstackops.mcp.cloud.Paging;
import io.github.openstackops.mcp.cloud.services.NovaClient;
import io.github.openstackops.mcp.compute.KeypairRecords.Keypair;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairCreated;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairDeleted;
import io.github.openstackops.mcp.compute.KeypairRecords.KeypairDetail;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.github.openstackops.mcp.cloud.Json.array;
import static io.github.openstackops.mcp.cloud.Json.segment;
import static io.github.openstackops.mcp.cloud.Json.text;

/**
 * Key pairs of the current user (Nova, microversion 2.35: key types and pagination; below 2.92, where Nova still
 * generates key pairs). A generated private key is handed back once, in the create result, and nowhere else: it is
 * never logged, and it is registered with {@link Secrets} so that no error text or log line could ever carry it.
 */
@Singleton
public class KeypairService {

    static final String MV = "2.35";

    /** Key pair types Nova knows. */
    public enum KeyType { SSH, X509 }

    private final NovaClient nova;

    public KeypairService(NovaClient nova) {
        this.nova = nova;
    }

    public Page<Keypair> list(int limit, @Nullable String marker) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", Paging.fetchSize(limit));
        query.put("marker", marker);
        List<JsonNode> fetched = array(nova.at(MV).get("/os-keypairs", query), "keypairs").stream()
                .map(k -> k.has("keypair") ? k.get("keypair") : k).toList();
        Paging.Slice<JsonNode> page = Paging.slice(fetched, limit, k -> text(k, "name"));
        List<Keypair> keypairs = page.items().stream().map(k -> new Keypair(text(k, "name"), type(k),
                text(k, "fingerprint"), shorten(text(k, "public_key")))).toList();
        return KeypairRecords.KEYPAIRS.page(keypairs, page.nextMarker());
    }

    public KeypairDetail get(String name) {
        JsonNode k = resolve(name);
        return new KeypairDetail(text(k, "name"), type(k), text(k, "fingerprint"), shorten(text(k, "public_key")),
                text(k, "user_id"), text(k, "created_at"));
    }

    /** Nova generates the key pair; the private key is returned this once. */
    public KeypairCreated create(String name, @Nullable KeyType type) {
        KeyType t = type == null ? KeyType.SSH : type;
        JsonNode k = post(Map.of("name", name.trim(), "type", t.name().toLowerCase(Locale.ROOT)));
        String privateKey = text(k, "private_key");
        Secrets.register(privateKey);
        return new KeypairCreated(text(k, "name"), type(k), text(k, "fingerprint"), shorten(text(k, "public_key")),
                privateKey, "Key pair '" + text(k, "name") + "' created. Save the private key now: it is shown only"
                + " this once and OpenStack does not keep it.");
    }

    public KeypairCreated importKey(String name, String publicKey, @Nullable KeyType type) {
        String key = publicKey == null ? "" : publicKey.trim();
        if (key.contains("PRIVATE KEY")) {
            throw ToolException.invalid("That is a private key. Pass the public key (e.g. the contents of"
                    + " ~/.ssh/id_ed25519.pub), and keep the private key to yourself.");
        }
        KeyType t = type != null ? type : key.startsWith("-----BEGIN CERTIFICATE") ? KeyType.X509 : KeyType.SSH;
        if (t == KeyType.SSH && !key.matches("^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-\\S+)\\s+\\S+.*")) {
            throw ToolException.invalid("public_key does not look like an OpenSSH public key ('ssh-ed25519 AAAA...',"
                    + " 'ssh-rsa AAAA...' or 'ecdsa-sha2-nistp256 AAAA...').");
        }
        JsonNode k = post(Map.of("name", name.trim(), "type", t.name().toLowerCase(Locale.ROOT), "public_key", key));
        return new KeypairCreated(text(k, "name"), type(k), text(k, "fingerprint"), shorten(text(k, "public_key")),
                null, "Public key imported as key pair '" + text(k, "name") + "'.");
    }

    public Preview deletePreview(String name) {
        KeypairDetail k = get(name);
        return new Preview("delete key pair", "Delete key pair '" + k.name() + "' (" + k.type() + ", fingerprint "
                + k.fingerprint() + ").",
                List.of(new Preview.Resource("keypair", k.name(), k.name(), "deleted")),
                List.of("New servers can no longer be created with this key pair. Servers created with it keep the"
                        + " key in their authorized keys.",
                        "Only OpenStack's copy of the public key is deleted; a saved private key still works on"
                                + " existing servers. To use the key again, import its public key."));
    }

    public KeypairDeleted delete(String name) {
        KeypairDetail k = get(name);
        nova.at(MV).delete("/os-keypairs/" + segment(k.name()));
        return new KeypairDeleted(k.name(), k.fingerprint(), "Key pair '" + k.name() + "' is deleted.");
    }

    private JsonNode post(Map<String, Object> keypair) {
        return nova.at(MV).post("/os-keypairs", Map.of("keypair", keypair))
                .get("keypair");
    }

    private JsonNode resolve(String name) {
        String value = name == null ? "" : name.trim();
        if (value.isEmpty()) {
            throw ToolException.invalid("Name the key pair.");
        }
        JsonNode found = Json.orNull(() -> nova.at(MV).get("/os-keypairs/" + segment(value), null));
        if (found == null || !found.has("keypair")) {
            throw OpenStackFaults.notFound("Key pair '" + value + "'");
        }
        return found.get("keypair");
    }

    private static String type(JsonNode k) {
        String t = text(k, "type");
        return t == null ? "ssh" : t;
    }

    /** The public key with its middle cut out: enough to recognise it, without filling a model's context. */
    static String shorten(@Nullable String publicKey) {
        if (publicKey == null) {
            return "";
        }
        String key = publicKey.trim();
        if (key.startsWith("-----BEGIN")) {
            return key.length() <= 80 ? key : key.substring(0, 40).replace('\n', ' ') + "…(certificate, "
                    + key.length() + " chars)";
        }
        return key.length() <= 72 ? key : key.substring(0, 40) + "…" + key.substring(key.length() - 24);
    }
}
