package io.github.openstackops.mcp.state;

import io.github.openstackops.mcp.catalog.Secrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;

/**
 * {@link SharedState} in Redis, so that replicas agree: a claim is {@code SET key NX PX ttl}; a bucket is one hash
 * updated by a script that reads Redis's own clock, so replicas with skewed clocks still count the same minute. Keys
 * live under {@code openstack-ops-mcp:} and expire by themselves.
 */
public final class RedisState implements SharedState {

    static final String PREFIX = "openstack-ops-mcp:";
    private static final String BUCKET = """
            local cap = tonumber(ARGV[1])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local h = redis.call('HMGET', KEYS[1], 'tokens', 'last')
            local tokens = tonumber(h[1]) or cap
            local last = tonumber(h[2]) or now
            local perMicro = cap / 60000000
            tokens = math.min(cap, tokens + math.max(0, now - last) * perMicro)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.max(1, math.ceil((1 - tokens) / perMicro / 1000)) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
            redis.call('PEXPIRE', KEYS[1], 120000)
            return wait
            """;

    private final RedisClient client;
    private final String where;
    private volatile StatefulRedisConnection<String, String> connection;

    /**
     * @param url {@code redis://[:password@]host[:port][/db]} or {@code rediss://} (TLS, certificates verified)
     */
    public RedisState(String url) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("MCP_STATE_STORE must look like redis://host:6379 or"
                    + " rediss://:password@host:6380/0");
        }
        if (uri.getPassword() != null && uri.getPassword().length > 0) {
            Secrets.register(new String(uri.getPassword()));
        }
        uri.setTimeout(Duration.ofSeconds(2));
        this.where = (uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort() + "/"
                + uri.getDatabase();
        this.client = RedisClient.create(uri);
    }

    @Override
    public boolean claimOnce(String key, Duration ttl) {
        return run(c -> "OK".equals(c.sync().set(PREFIX + "once:" + key, "1",
                SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis())))));
    }

    @Override
    public long take(String bucket, int perMinute) {
        Long wait = run(c -> c.sync().<Long>eval(BUCKET, ScriptOutputType.INTEGER,
                new String[] {PREFIX + "bucket:" + bucket + "/" + perMinute}, Integer.toString(perMinute)));
        return wait == null ? 0 : wait;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        run(c -> c.sync().set(PREFIX + "value:" + key, value, SetArgs.Builder.px(Math.max(1, ttl.toMillis()))));
    }

    @Override
    public java.util.Optional<String> get(String key, Duration ttl) {
        return java.util.Optional.ofNullable(run(c -> c.sync().getex(PREFIX + "value:" + key,
                io.lettuce.core.GetExArgs.Builder.px(Math.max(1, ttl.toMillis())))));
    }

    @Override
    public void remove(String key) {
        run(c -> c.sync().del(PREFIX + "value:" + key));
    }

    @Override
    public boolean sharedAcrossProcesses() {
        return true;
    }

    @Override
    public String where() {
        return where;
    }

    private <T> T run(java.util.function.Function<StatefulRedisConnection<String, String>, T> command) {
        try {
            return command.apply(connection());
        } catch (RedisException e) {
            throw new StateUnavailable("The shared state store (" + where + ") did not answer", e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c == null) {
            synchronized (this) {
                c = connection;
                if (c == null) {
                    c = client.connect();
                    connection = c;
                }
            }
        }
        return c;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
