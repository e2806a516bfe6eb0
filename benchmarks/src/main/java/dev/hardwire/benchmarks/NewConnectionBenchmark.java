package dev.hardwire.benchmarks;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.TestPki.KeyType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import okhttp3.Dns;
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
 * An OkHttp GET on a new connection (connect, full TLS 1.3 handshake, request, small response,
 * close), each to a new host name so nothing is resumed or pooled. The stacks:
 *
 * <ul>
 *   <li>{@code raw}: {@code new OkHttpClient.Builder()} on JDK defaults, trusting the test root;
 *   <li>{@code raw-nodelay}: the same with TCP_NODELAY on its sockets, nothing else;
 *   <li>{@code hardened}: {@code HardenedOkHttp} with the default (JDK) provider;
 *   <li>{@code recommended}: {@code HardenedOkHttp} with {@code TlsProvider.CONSCRYPT}, the stack
 *       Hardwire suggests for speed (TLS 1.3 only, the policy's default).
 * </ul>
 *
 * <p>The server is BoringSSL (through Conscrypt), as production servers are native, or the JDK's
 * own provider. Against BoringSSL a JDK 17 client without TCP_NODELAY stalls on every new
 * connection (its Finished and the request wait for a delayed ACK: about 45 ms); against the JDK
 * server only on some. JDK 17's pure-Java server also spends about a millisecond per handshake on
 * its own P-256 signature, the same for every stack.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.OPEN_JAVA_NET})
@State(Scope.Benchmark)
public class NewConnectionBenchmark {
  /** Every bench host is this machine. */
  static final Dns LOOPBACK = hostname -> Collections.singletonList(InetAddress.getLoopbackAddress());

  @Param({"raw", "raw-nodelay", "hardened", "recommended"})
  public String stack;

  @Param({"boringssl", "jdk"})
  public String server;

  private LoopbackServer loopbackServer;
  private OkHttpClient client;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Pki pki = Pki.of(KeyType.EC_P256);
    SSLContext serverContext = server.equals("jdk") ? pki.serverContext : pki.nativeServerContext;
    loopbackServer = LoopbackServer.tls(serverContext, null, LoopbackServer::http);
    client = client(stack, pki);
    request();
  }

  static OkHttpClient client(String stack, Pki pki) throws Exception {
    OkHttpClient.Builder builder = new OkHttpClient.Builder().dns(LOOPBACK);
    switch (stack) {
      case "raw":
      case "raw-nodelay":
        SSLContext context = pki.rawClientContext(TlsProvider.JDK);
        builder.sslSocketFactory(context.getSocketFactory(), pki.rawTrustManager());
        if (stack.equals("raw-nodelay")) builder.socketFactory(new NoDelaySocketFactory());
        return builder.build();
      case "hardened":
        return HardenedOkHttp.harden(builder, pki.policy().build()).build();
      case "recommended":
        return HardenedOkHttp.harden(builder, pki.policy().tlsProvider(TlsProvider.CONSCRYPT).build()).build();
      default:
        throw new IllegalArgumentException(stack);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.connectionPool().evictAll();
    loopbackServer.close();
  }

  @Benchmark
  public int request() throws IOException {
    Request request = new Request.Builder().url("https://" + Pki.newHost() + ":" + loopbackServer.port() + "/small").build();
    try (Response response = client.newCall(request).execute()) {
      return response.body().bytes().length;
    } finally {
      client.connectionPool().evictAll();
    }
  }

  /** The default socket factory plus TCP_NODELAY, set before OkHttp connects. */
  static final class NoDelaySocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = delegate.createSocket();
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      throw new UnsupportedOperationException("OkHttp creates unconnected sockets");
    }
  }
}
