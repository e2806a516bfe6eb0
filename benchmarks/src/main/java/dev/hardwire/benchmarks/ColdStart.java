package dev.hardwire.benchmarks;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsProvider;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.okhttp.HardenedOkHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.Certificates;

/**
 * One process, one request: from JVM start to the first completed GET, measured from outside as
 * the whole process's run time (run.sh times it with hyperfine). Each variant builds its client
 * the way an application would, trusting the root in {@code ROOT_PEM}:
 *
 * <pre>java -cp benchmarks.jar dev.hardwire.benchmarks.ColdStart VARIANT URL ROOT_PEM</pre>
 *
 * <p>VARIANT is {@code raw-okhttp}, {@code hardened-okhttp}, {@code recommended} (hardened OkHttp
 * on Conscrypt), {@code raw-jdk} or {@code hardened-jdk}. Exits 1 if the response is not a 200.
 */
public final class ColdStart {
  private ColdStart() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ColdStart raw-okhttp|hardened-okhttp|recommended|raw-jdk|hardened-jdk URL ROOT_PEM");
      System.exit(2);
    }
    String url = args[1];
    X509Certificate root = Certificates.decodeCertificatePem(
        new String(Files.readAllBytes(Paths.get(args[2])), StandardCharsets.US_ASCII));
    int status;
    switch (args[0]) {
      case "raw-okhttp":
        status = okHttp(rawOkHttp(root), url);
        break;
      case "hardened-okhttp":
        status = okHttp(HardenedOkHttp.newClient(policy(root).build()), url);
        break;
      case "recommended":
        status = okHttp(HardenedOkHttp.newClient(policy(root).tlsProvider(TlsProvider.CONSCRYPT).build()), url);
        break;
      case "raw-jdk":
        status = jdk(HttpClient.newBuilder().sslContext(rawContext(rawTrustManager(root))).build(), url);
        break;
      case "hardened-jdk":
        status = jdk(HardenedHttpClient.newClient(policy(root).build()), url);
        break;
      default:
        throw new IllegalArgumentException("unknown variant " + args[0]);
    }
    // OkHttp's and java.net.http's idle threads would otherwise keep the process alive a while.
    System.exit(status == 200 ? 0 : 1);
  }

  private static SecurityPolicy.Builder policy(X509Certificate root) {
    return SecurityPolicy.builder().trustAnchors(Collections.singletonList(root));
  }

  private static X509TrustManager rawTrustManager(X509Certificate root) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("root", root);
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static SSLContext rawContext(X509TrustManager trustManager) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trustManager}, new SecureRandom());
    return context;
  }

  private static OkHttpClient rawOkHttp(X509Certificate root) throws Exception {
    X509TrustManager trustManager = rawTrustManager(root);
    return new OkHttpClient.Builder()
        .sslSocketFactory(rawContext(trustManager).getSocketFactory(), trustManager)
        .build();
  }

  private static int okHttp(OkHttpClient client, String url) throws Exception {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      response.body().bytes();
      return response.code();
    }
  }

  private static int jdk(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
        .statusCode();
  }
}
