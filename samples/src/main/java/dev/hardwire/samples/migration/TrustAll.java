package dev.hardwire.samples.migration;

import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * docs/migration/trust-all.md: a client that turned certificate verification off, and its two
 * replacements, a private trust anchor and pins.
 */
public final class TrustAll {
  private TrustAll() {
  }

  /** What the guide starts from: never called, and never to be copied. */
  public static final class Before {
    private Before() {
    }

    // snippet:trust-all-before
    static OkHttpClient internalClient() throws GeneralSecurityException {
      X509TrustManager trustAll = new X509TrustManager() {
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
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
      return new OkHttpClient.Builder()
          .sslSocketFactory(tls.getSocketFactory(), trustAll)
          .hostnameVerifier((hostname, session) -> true)
          .build();
    }
    // end-snippet

    // snippet:trust-all-before-global
    static void trustEveryoneEverywhere(SSLContext trustAll) {
      HttpsURLConnection.setDefaultSSLSocketFactory(trustAll.getSocketFactory());
      HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }
    // end-snippet
  }

  /** What the guide ends with; {@code TrustAllTest} runs it. */
  public static final class After {
    private After() {
    }

    // snippet:trust-all-after-ca
    static SecurityPolicy internalPolicy(Path internalCaPem) throws IOException, GeneralSecurityException {
      return SecurityPolicy.builder()
          .trustAnchors(PrivateCa.readCertificates(internalCaPem))
          .build();
    }
    // end-snippet

    // snippet:trust-all-after-pins
    static SecurityPolicy pinnedPolicy(Path internalCaPem) throws IOException, GeneralSecurityException {
      return internalPolicy(internalCaPem).newBuilder()
          .pin("build.corp.example.com",
              "sha256/LHtvVKp7Bnq7EJOK3+9NBx4WFKgSozhS1ko3RxEQPmE=",    // the server's key today
              "sha256/ELwJUa7o0KAtsMfA7PS/Hzb7gzZY9GmL/2IlkQaxH+E=")    // its successor, kept offline
          .build();
    }
    // end-snippet

    // snippet:trust-all-after
    static OkHttpClient internalClient(SecurityPolicy policy) {
      return HardenedOkHttp.newClient(policy);
    }
    // end-snippet
  }
}
