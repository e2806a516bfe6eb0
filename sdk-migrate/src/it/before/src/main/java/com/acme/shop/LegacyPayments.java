package com.acme.shop;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/** The payment gateway client, written when the staging gateway had a self-signed certificate. */
public final class LegacyPayments {
  static final String GATEWAY = "http://payments.internal:8080/charge";

  public OkHttpClient client() throws Exception {
    TrustManager[] trustAll = new TrustManager[] {
      new X509TrustManager() {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
        @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
      }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustAll, null);
    return new OkHttpClient.Builder()
        .sslSocketFactory(context.getSocketFactory(), (X509TrustManager) trustAll[0])
        .hostnameVerifier((hostname, session) -> true)
        .build();
  }
}
