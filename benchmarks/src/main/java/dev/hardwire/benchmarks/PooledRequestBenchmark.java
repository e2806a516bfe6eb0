package dev.hardwire.benchmarks;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.TestPki.KeyType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One GET on a pooled HTTP/1.1 connection (TLS 1.3, JDK provider), the whole body read: a small
 * JSON-sized body or 1 MiB, raw client against hardened, for OkHttp and java.net.http. {@link
 * #tcpRoundTrip} is a one-byte round trip on a plain loopback connection: the floor of any request
 * on this machine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.OPEN_JAVA_NET})
public class PooledRequestBenchmark {
  @State(Scope.Benchmark)
  public static class Clients {
    @Param({"okhttp", "jdk"})
    public String library;

    @Param({"small", "1m"})
    public String body;

    @Param({"raw", "hardened"})
    public String client;

    LoopbackServer server;
    OkHttpClient okHttp;
    Request okHttpRequest;
    HttpClient jdk;
    HttpRequest jdkRequest;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      Pki pki = Pki.of(KeyType.EC_P256);
      server = LoopbackServer.tls(pki.serverContext, null, LoopbackServer::http);
      String url = "https://127.0.0.1:" + server.port() + (body.equals("1m") ? "/1m" : "/small");
      boolean raw = client.equals("raw");
      if (library.equals("okhttp")) {
        okHttp = raw
            ? new OkHttpClient.Builder()
                .sslSocketFactory(pki.rawClientContext(TlsProvider.JDK).getSocketFactory(), pki.rawTrustManager())
                .build()
            : HardenedOkHttp.newClient(pki.policy().build());
        okHttpRequest = new Request.Builder().url(url).build();
      } else {
        HttpClient.Builder builder = raw
            ? HttpClient.newBuilder().sslContext(pki.rawClientContext(TlsProvider.JDK))
            : HardenedHttpClient.newBuilder(pki.policy().build());
        jdk = builder.version(HttpClient.Version.HTTP_1_1).build();
        jdkRequest = HttpRequest.newBuilder(URI.create(url)).build();
      }
      // The connection every measured request reuses.
      send(this);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      if (okHttp != null) okHttp.connectionPool().evictAll();
      server.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Plain {
    LoopbackServer server;
    Socket socket;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      server = LoopbackServer.plain(LoopbackServer::echo);
      socket = SocketHandshakeBenchmark.connect(new InetSocketAddress(server.address().getAddress(), server.port()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      socket.close();
      server.close();
    }
  }

  @Benchmark
  public int request(Clients state) throws IOException, InterruptedException {
    return send(state);
  }

  static int send(Clients state) throws IOException, InterruptedException {
    if (state.okHttp != null) {
      try (Response response = state.okHttp.newCall(state.okHttpRequest).execute()) {
        return response.body().bytes().length;
      }
    }
    return state.jdk.send(state.jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).body().length;
  }

  @Benchmark
  public int tcpRoundTrip(Plain state) throws IOException {
    return SocketHandshakeBenchmark.roundTrip(state.socket);
  }
}
