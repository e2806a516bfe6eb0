package dev.hardwire.benchmarks;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.TestPki.KeyType;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full handshake (and close) between a client engine and a JDK server engine in memory: TLS's
 * own cost, per provider, protocol version and key type, raw against hardened, without the 50-70
 * us of loopback thread wake-ups a socket adds. The time includes the server engine's share (the
 * same for every client); a new host name per handshake keeps every handshake full.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.OPEN_JAVA_NET})
@State(Scope.Thread)
public class EngineHandshakeBenchmark {
  @Param({"JDK", "CONSCRYPT", "BOUNCY_CASTLE"})
  public TlsProvider provider;

  @Param({"TLSv1.3", "TLSv1.2"})
  public String protocol;

  @Param({"EC_P256", "RSA_2048"})
  public KeyType key;

  /** raw, hardened, or pinned (hardened with the intermediate's key pinned). */
  @Param({"raw", "hardened", "pinned"})
  public String client;

  private Handshakes handshakes;

  @Setup
  public void setUp() throws Exception {
    Pki pki = Pki.of(key);
    handshakes = new Handshakes(pki, ClientTls.of(client, pki, provider, protocol), protocol);
    // Fail in setup, not in the middle of a measurement, if this combination cannot connect.
    handshake();
  }

  @Benchmark
  public SSLSession handshake() throws SSLException {
    return handshakes.full();
  }
}
