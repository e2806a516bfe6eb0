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
 * A resumed TLS 1.3 handshake (PSK from the JDK server's session ticket, EC chain) in memory: every
 * handshake goes to the same host, so the client offers the ticket it got from the previous one.
 * Bouncy Castle is left out: BCJSSE 1.83 never resumes a TLS 1.3 session (its handshakes stay full;
 * {@link HandshakeFacts} shows it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, Jvm.OPEN_JAVA_NET})
@State(Scope.Thread)
public class ResumedHandshakeBenchmark {
  private static final String PROTOCOL = "TLSv1.3";

  @Param({"JDK", "CONSCRYPT"})
  public TlsProvider provider;

  @Param({"raw", "hardened"})
  public String client;

  private final String host = Pki.newHost();
  private Handshakes handshakes;

  @Setup
  public void setUp() throws Exception {
    Pki pki = Pki.of(KeyType.EC_P256);
    handshakes = new Handshakes(pki, ClientTls.of(client, pki, provider, PROTOCOL), PROTOCOL);
    handshake();
  }

  @Benchmark
  public SSLSession handshake() throws SSLException {
    return handshakes.to(host);
  }
}
