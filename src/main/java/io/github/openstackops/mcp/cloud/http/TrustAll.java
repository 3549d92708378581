package io.github.openstackops.mcp.cloud.http;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Certificate checks switched off: only ever used when the operator sets OS_INSECURE=true. */
record TrustAll(SSLContext context, X509TrustManager manager) {

    static final TrustAll INSTANCE = create();

    private static TrustAll create() {
        X509TrustManager manager = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{manager}, new SecureRandom());
            return new TrustAll(context, manager);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
