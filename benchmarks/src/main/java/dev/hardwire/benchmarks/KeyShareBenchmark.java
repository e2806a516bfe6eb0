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
 * What the JDK's named groups cost a full TLS 1.3 handshake (JDK provider, EC chain, in memory).
 * By default the JDK offers several groups and generates key shares for the first ones, each a
 * key generation; {@code jdk.tls.namedGroups=x25519} offers X25519 alone. The property is JVM-wide
 * (server engines in the fork see it too) and {@code SSLParameters.setNamedGroups} exists only on
 * JDK 20+, so each variant runs in a fork of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class KeyShareBenchmark {
  private static final String PROTOCOL = "TLSv1.3";

  @Param({"raw", "hardened"})
  public String client;

  private Handshakes handshakes;

  @Setup
  public void setUp() throws Exception {
    Pki pki = Pki.of(KeyType.EC_P256);
    handshakes = new Handshakes(pki, ClientTls.of(client, pki, TlsProvider.JDK, PROTOCOL), PROTOCOL);
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX})
  public SSLSession defaultGroups() throws SSLException {
    return handshakes.full();
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX, "-Djdk.tls.namedGroups=x25519"})
  public SSLSession x25519Only() throws SSLException {
    return handshakes.full();
  }
}
