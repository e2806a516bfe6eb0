package dev.hardwire.okhttp;

import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import mockwebserver3.MockWebServer;
import okhttp3.Dns;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** Shared loopback fixtures: one PKI per test JVM, TLS servers, and the loosening tools an attacker would use. */
final class Fixtures {
  static final TestPki PKI = TestPki.create();

  private Fixtures() {
  }

  /** A started MockWebServer presenting {@link TestPki#leaf()} with {@code socketFactory}. */
  static MockWebServer httpsServer(SSLSocketFactory socketFactory) throws IOException {
    return LoopbackServers.https(socketFactory);
  }

  static MockWebServer httpsServer() throws IOException {
    return LoopbackServers.https(PKI.serverCertificates().sslSocketFactory());
  }

  static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  /** Executes {@code request} and returns its body. */
  static String body(OkHttpClient client, Request request) throws IOException {
    try (Response response = client.newCall(request).execute()) {
      return response.body().string();
    }
  }

  /** Opens a WebSocket to {@code url} and returns why it failed, or null if it opened. */
  static Throwable webSocketFailure(OkHttpClient client, String url) throws InterruptedException {
    AtomicReference<Object> outcome = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    client.newWebSocket(get(url), new WebSocketListener() {
      @Override public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        outcome.compareAndSet(null, t);
        done.countDown();
      }

      @Override public void onOpen(WebSocket webSocket, Response response) {
        outcome.compareAndSet(null, "open");
        done.countDown();
        webSocket.cancel();
      }
    });
    if (!done.await(5, TimeUnit.SECONDS)) throw new AssertionError("WebSocket neither opened nor failed");
    return outcome.get() instanceof Throwable ? (Throwable) outcome.get() : null;
  }

  /** A trust manager that trusts everything: what a loosening interceptor would install. */
  static final X509ExtendedTrustManager TRUST_ALL = new X509ExtendedTrustManager() {
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
  };

  static SSLSocketFactory trustAllSocketFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {TRUST_ALL}, new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A {@link Dns} that records every lookup: the proof that a refusal leaked no host name. */
  static final class RecordingDns implements Dns {
    final List<String> lookups = new CopyOnWriteArrayList<>();

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
      lookups.add(hostname);
      return Dns.SYSTEM.lookup(hostname);
    }
  }
}
