package io.github.openstackops.mcp.transport;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * The SDK's stdio transport with its sends made one at a time. Its outbound queue accepts one emitter at a time and
 * fails the other (and then stops the session) when two threads send at once, which happens whenever a call answers
 * while another call's tool thread sends a progress or log notification: the fuzz test found the stdio server dead
 * after such a collision. Here every send enters the queue from one thread.
 */
final class SerialStdioTransport implements McpServerTransportProvider {

    private final McpServerTransportProvider delegate;
    private final Scheduler sender = Schedulers.newSingle("mcp-stdio-send", true);

    SerialStdioTransport(McpServerTransportProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        delegate.setSessionFactory(transport -> factory.create(new Serial(transport, sender)));
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully().doFinally(s -> sender.dispose());
    }

    @Override
    public void close() {
        delegate.close();
        sender.dispose();
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    /** A session transport whose messages are handed over one at a time. */
    private static final class Serial implements McpServerTransport {
        private final McpServerTransport transport;
        private final Scheduler sender;

        Serial(McpServerTransport transport, Scheduler sender) {
            this.transport = transport;
            this.sender = sender;
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            // the SDK enqueues while the send is subscribed to: subscribing on one thread keeps emitters apart
            return Mono.defer(() -> transport.sendMessage(message)).subscribeOn(sender);
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return transport.unmarshalFrom(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return transport.closeGracefully();
        }

        @Override
        public void close() {
            transport.close();
        }

        @Override
        public List<String> protocolVersions() {
            return transport.protocolVersions();
        }
    }
}
