package dev.hardwire.benchmarks;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.TestPki.KeyType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
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
 * A new loopback connection, a full handshake (EC chain) and one byte each way, against a JDK
 * server in the same JVM: what a client waits for before its first request. {@link #tcpBaseline}
 * is the same without TLS, so the difference is TLS. Both sides set TCP_NODELAY (see {@link
 * NewConnectionBenchmark} for what happens without it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.OPEN_JAVA_NET})
public class SocketHandshakeBenchmark {
  @State(Scope.Benchmark)
  public static class Tls {
    @Param({"JDK", "CONSCRYPT", "BOUNCY_CASTLE"})
    public TlsProvider provider;

    @Param({"TLSv1.3", "TLSv1.2"})
    public String protocol;

    @Param({"raw", "hardened"})
    public String client;

    ClientTls clientTls;
    LoopbackServer server;
    InetSocketAddress address;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      Pki pki = Pki.of(KeyType.EC_P256);
      clientTls = ClientTls.of(client, pki, provider, protocol);
      server = LoopbackServer.tls(pki.serverContext, new String[] {protocol}, LoopbackServer::echo);
      address = server.address();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      server.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Plain {
    LoopbackServer server;
    InetSocketAddress address;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      server = LoopbackServer.plain(LoopbackServer::echo);
      address = server.address();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      server.close();
    }
  }

  @Benchmark
  public int handshake(Tls state) throws IOException {
    Socket plain = connect(state.address);
    try (SSLSocket socket = state.clientTls.socket(plain, Pki.newHost())) {
      socket.startHandshake();
      return roundTrip(socket);
    }
  }

  @Benchmark
  public int tcpBaseline(Plain state) throws IOException {
    try (Socket socket = connect(state.address)) {
      return roundTrip(socket);
    }
  }

  static Socket connect(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(address);
    return socket;
  }

  static int roundTrip(Socket socket) throws IOException {
    socket.getOutputStream().write(1);
    socket.getOutputStream().flush();
    return socket.getInputStream().read();
  }
}
