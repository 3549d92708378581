package io.github.openstackops.mcp.cloud.http;

import io.github.openstackops.mcp.cloud.CloudConfigurationException;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** An SSLContext that trusts exactly the certificates of a PEM bundle (OS_CACERT), as the openstack CLI does. */
public final class CaBundle {

    private CaBundle() {
    }

    public static SSLContext load(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new CloudConfigurationException("OS_CACERT=" + pem + " holds no PEM certificate.");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            X509TrustManager manager = Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast).findFirst()
                    .orElseThrow();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{manager}, null);
            PooledOkHttpConnector.registerTrust(context, manager);
            return context;
        } catch (CloudConfigurationException e) {
            throw e;
        } catch (Exception e) {
            throw new CloudConfigurationException("OS_CACERT=" + pem + " cannot be read as a PEM CA bundle ("
                    + e.getClass().getSimpleName() + ").");
        }
    }
}
