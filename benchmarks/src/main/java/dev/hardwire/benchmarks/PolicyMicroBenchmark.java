package dev.hardwire.benchmarks;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.Credential;
import dev.hardwire.core.RequestRefusedException;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.PolicyEnforcer;
import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.url.UrlGuard;
import dev.hardwire.testing.TestPki.KeyType;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hardwire's per-handshake and per-request decisions on their own: the verifier on a 3-certificate
 * EC chain (leaf, intermediate, root) with and without pins, against the platform's PKIX trust
 * manager on the same chain; the URL guard; and credential matching among 100 scoped credentials.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {Jvm.HEAP_MIN, Jvm.HEAP_MAX})
@State(Scope.Benchmark)
public class PolicyMicroBenchmark {
  static final int CREDENTIALS = 100;
  static final String URL = "https://api-42.example.com/v1/items/42?fields=name,price";

  private CertificateChainVerifier verifier;
  private CertificateChainVerifier pinnedVerifier;
  private X509TrustManager platform;
  private List<X509Certificate> chain;
  private X509Certificate[] chainArray;
  private String host;
  private UrlGuard urlGuard;
  private CredentialScope credentials;
  private URI uri;

  @Setup
  public void setUp() throws Exception {
    Pki pki = Pki.of(KeyType.EC_P256);
    verifier = CertificateChainVerifier.create(pki.policy().build());
    pinnedVerifier = CertificateChainVerifier.create(pki.pinnedPolicy().build());
    platform = pki.rawTrustManager();
    chain = pki.fullChain();
    chainArray = chain.toArray(new X509Certificate[0]);
    host = Pki.newHost();
    PolicyEnforcer enforcer = PolicyEnforcer.of(policyWithCredentials());
    urlGuard = enforcer.urlGuard();
    credentials = enforcer.credentials();
    uri = URI.create(URL);
    if (credentials.forHop(uri, "GET", null).size() != 2) throw new AssertionError("expected two credentials");
  }

  /**
   * 100 credentials: one bearer per host {@code api-N.example.com}, and a wildcard API key on
   * {@code *.example.com} limited to GET under /v1; the request matches one of each.
   */
  static SecurityPolicy policyWithCredentials() {
    SecurityPolicy.Builder builder = SecurityPolicy.builder();
    for (int i = 0; i < CREDENTIALS - 1; i++) {
      builder.credential(Credential.bearer("api-" + i + ".example.com", "token-" + i));
    }
    builder.credential(Credential.header("*.example.com", "X-Api-Key", "key").onlyForMethods("GET").onlyUnderPath("/v1"));
    return builder.build();
  }

  @Benchmark
  public List<X509Certificate> verify() throws CertificateException {
    verifier.verify(chain, host);
    return chain;
  }

  @Benchmark
  public List<X509Certificate> verifyPinned() throws CertificateException {
    pinnedVerifier.verify(chain, host);
    return chain;
  }

  /** What a raw client's trust manager does (path validation; the host name is checked elsewhere). */
  @Benchmark
  public X509Certificate[] platformTrustManager() throws CertificateException {
    platform.checkServerTrusted(chainArray, "ECDHE_ECDSA");
    return chainArray;
  }

  @Benchmark
  public URI urlGuard() throws RequestRefusedException {
    return urlGuard.checkRequest(URL);
  }

  @Benchmark
  public List<Credential> credentialMatch() {
    return credentials.forHop(uri, "GET", null);
  }

  /** What every request pays before it is sent: the guard, then the credentials for the hop. */
  @Benchmark
  public List<Credential> guardAndCredentials() throws RequestRefusedException {
    return credentials.forHop(urlGuard.checkRequest(URL), "GET", null);
  }
}
