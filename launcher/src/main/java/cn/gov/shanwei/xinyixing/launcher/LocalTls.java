package cn.gov.shanwei.xinyixing.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The embedded default's TLS identity: a self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, made by the JDK's keytool on first start and kept beside the data, so that the
 * run command and the tests serve HTTPS exactly as production does (only the certificate's issuer
 * differs). Clients started here (the tests, the stand-in partners that call back) trust it
 * explicitly; nothing turns certificate checks off.
 */
public final class LocalTls {

    /** The alias the domain's listener presents (domain.asadmin: cert-nickname). */
    static final String ALIAS = "xinyixing";
    /** Where domain.asadmin expects the keystore, inside the domain. */
    static final String DOMAIN_KEYSTORE = "config/xinyixing-tls.p12";

    private final Path keystore;
    private final String password;
    private final X509Certificate certificate;

    private LocalTls(Path keystore, String password, X509Certificate certificate) {
        this.keystore = keystore;
        this.password = password;
        this.certificate = certificate;
    }

    static LocalTls loadOrCreate(Path keystore, String password) throws IOException, GeneralSecurityException {
        if (!Files.exists(keystore)) {
            Files.createDirectories(keystore.getParent());
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-validity", "3650",
                    "-dname", "CN=localhost, OU=embedded default, O=Xinyixing",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", password, "-keypass", password);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
        // The certificate alone, for curl --cacert and the like
        Path pem = keystore.resolveSibling("localhost.pem");
        if (!Files.exists(pem)) {
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
        }
        return new LocalTls(keystore, password, certificate);
    }

    /** Copies the keystore to where the domain's HTTPS listener reads it. */
    void installInto(Path domainDir) throws IOException {
        Path target = domainDir.resolve(DOMAIN_KEYSTORE);
        Files.createDirectories(target.getParent());
        Files.copy(keystore, target, StandardCopyOption.REPLACE_EXISTING);
    }

    String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** Base64 of the SHA-256 of the certificate's public key, as Chromium's SPKI allow-list wants it. */
    public String publicKeyPin() {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that trusts the JDK's usual authorities and this certificate. */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int n = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                    for (X509Certificate authority : x509.getAcceptedIssuers()) {
                        trust.setCertificateEntry("ca-" + n++, authority);
                    }
                }
            }
            trust.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a TLS context trusting the local certificate", e);
        }
    }

    /**
     * Makes this JVM's default TLS context trust the certificate too, for the clients that take the
     * default (java.net.http clients created afterwards, HttpsURLConnection under JAX-WS).
     */
    void trustInThisJvm() {
        SSLContext context = clientContext();
        SSLContext.setDefault(context);
        HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
