package dev.hardwire.samples.migration;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.jdk.HardenedUrlConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;

/**
 * docs/migration/httpurlconnection.md: a device that posts readings with {@code HttpURLConnection},
 * the legacy and embedded case.
 */
public final class UrlConnection {
  private UrlConnection() {
  }

  /** What the guide starts from. */
  public static final class Before {
    private Before() {
    }

    // snippet:urlconnection-before
    static final String ENDPOINT = "http://telemetry.example.com/v1/readings";

    static int upload(String endpoint, String deviceKey, byte[] json) throws IOException {
      HttpURLConnection connection = (HttpURLConnection) new URL(endpoint).openConnection();
      connection.setRequestMethod("POST");
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(10000);
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("X-Device-Key", deviceKey);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(json);
      }
      return connection.getResponseCode();
    }
    // end-snippet
  }

  /** What the guide ends with; {@code UrlConnectionTest} runs it. */
  public static final class After {
    private After() {
    }

    // snippet:urlconnection-after-policy
    static final String ENDPOINT = "https://telemetry.example.com/v1/readings";

    static SecurityPolicy devicePolicy(String deviceKey) {
      return SecurityPolicy.builder()
          .minimumTlsVersion(TlsVersion.TLS_1_2)   // the gateway cannot do TLS 1.3 yet
          .credential(Credential.header("telemetry.example.com", "X-Device-Key", deviceKey)
              .onlyForMethods("POST"))
          .build();
    }
    // end-snippet

    // snippet:urlconnection-after
    static int upload(String endpoint, SecurityPolicy policy, byte[] json) throws IOException {
      HttpsURLConnection connection = HardenedUrlConnection.open(new URL(endpoint), policy);
      connection.setRequestMethod("POST");
      connection.setConnectTimeout(5000);
      connection.setReadTimeout(10000);
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(json);
      }
      return connection.getResponseCode();
    }
    // end-snippet
  }
}
