package dev.hardwire.samples.migration;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.jdk.HardenedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** docs/migration/java-net-http.md: {@code java.net.http.HttpClient} with a private trust store. */
public final class JavaNetHttp {
  private JavaNetHttp() {
  }

  /** What the guide starts from. */
  public static final class Before {
    private Before() {
    }

    // snippet:jdk-client-before
    static HttpClient inventoryClient(Path trustStore, char[] password) throws GeneralSecurityException, IOException {
      KeyStore roots = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(trustStore)) {
        roots.load(in, password);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(roots);
      SSLContext tls = SSLContext.getInstance("TLSv1.2");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .sslContext(tls)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    static String stock(HttpClient client, String baseUrl, String token) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/stock"))
          .header("Authorization", "Bearer " + token)
          .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
    // end-snippet
  }

  /** What the guide ends with; {@code JavaNetHttpTest} runs it. */
  public static final class After {
    private After() {
    }

    // snippet:jdk-client-after-policy
    static SecurityPolicy inventoryPolicy(Path caPem, String token) throws IOException, GeneralSecurityException {
      return SecurityPolicy.builder()
          .trustAnchors(PrivateCa.readCertificates(caPem))                 // was the KeyStore and SSLContext
          .credential(Credential.bearer("inventory.example.com", token))   // was the header on each request
          .build();
    }
    // end-snippet

    // snippet:jdk-client-after
    static HttpClient inventoryClient(SecurityPolicy policy) {
      return HardenedHttpClient.newBuilder(policy)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    }

    static String stock(HttpClient client, String baseUrl) throws IOException, InterruptedException {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/stock")).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
    // end-snippet
  }
}
