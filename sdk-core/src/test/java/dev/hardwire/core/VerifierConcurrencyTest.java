package dev.hardwire.core;

import static dev.hardwire.core.TestCertificates.NOW;
import static dev.hardwire.core.TestCertificates.ca;
import static dev.hardwire.core.TestCertificates.dns;
import static dev.hardwire.core.TestCertificates.leaf;
import static dev.hardwire.core.TestCertificates.policyTrusting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.TestCertificates.Issued;
import dev.hardwire.core.TestCertificates.KeyType;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/**
 * One verifier, many threads, the same certificate objects. The JDK's {@code CertificateFactory}
 * hands out one cached object per encoding, and its PKIX code, merging the name constraints of two
 * constrained CAs, minimizes the lower CA's permitted subtrees in place ({@code
 * GeneralSubtrees.intersect} calls {@code other.minimize()}). Threads that validate a fresh chain of
 * that shape at the same moment then remove entries from one list together; a verifier that handed
 * the shared objects to the platform failed here with {@code IndexOutOfBoundsException}s.
 */
class VerifierConcurrencyTest {
  private static final int THREADS = 16;
  private static final int ROUNDS = 20;
  private static final int VALIDATIONS_PER_ROUND = 10;

  /** A chain of the platform's shared certificate objects, a host and the expected answer (null: accepted). */
  private static final class Case {
    final List<X509Certificate> chain = new ArrayList<>();
    final String host;
    final Reason expected;

    Case(String host, Reason expected, Issued... chain) throws CertificateException {
      for (Issued issued : chain) this.chain.add(sharedInstance(issued.certificate()));
      this.host = host;
      this.expected = expected;
    }
  }

  @Test
  void oneVerifierGivesEveryThreadTheRightAnswer() throws Exception {
    // RSA CAs: the JDK verifies RSA signatures many times faster than ECDSA ones.
    Issued root = ca("Concurrency Root").key(KeyType.RSA_2048).build();
    Issued intermediate = ca("Concurrency Intermediate").key(KeyType.RSA_2048).issuedBy(root).build();
    Issued constrainedRoot = ca("Constrained Root").key(KeyType.RSA_2048).permitted(dns("example.com")).build();
    Issued constrained = ca("Constrained Intermediate").key(KeyType.RSA_2048)
        .permitted(dns("www.example.com"), dns("api.example.com")).excluded(dns("admin.example.com"))
        .issuedBy(constrainedRoot).build();
    Issued unconstrained = ca("Unconstrained Intermediate").key(KeyType.RSA_2048).issuedBy(constrainedRoot).build();
    List<Case> fixed = List.of(
        new Case("www.example.com", null, leaf("www.example.com").issuedBy(intermediate).build(), intermediate),
        new Case("api.example.com", null, leaf("api.example.com").issuedBy(constrained).build(), constrained,
            constrainedRoot),
        new Case("www.example.org", Reason.NAME_CONSTRAINTS,
            leaf("www.example.org").issuedBy(constrained).build(), constrained),
        new Case("www.example.net", Reason.NAME_CONSTRAINTS,
            leaf("www.example.net").issuedBy(unconstrained).build(), unconstrained),
        new Case("other.example.com", Reason.HOSTNAME_MISMATCH,
            leaf("www.example.com").issuedBy(constrained).build(), constrained),
        new Case("www.example.com", Reason.EXPIRED, leaf("www.example.com").issuedBy(intermediate)
            .validity(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(1))).build(), intermediate));
    List<List<Case>> rounds = new ArrayList<>();
    for (int r = 0; r < ROUNDS; r++) {
      List<Case> round = new ArrayList<>(doublyConstrained(constrainedRoot));
      round.addAll(fixed);
      rounds.add(round);
    }
    AtomicInteger rejectionEvents = new AtomicInteger();
    CertificateChainVerifier verifier = CertificateChainVerifier.create(policyTrusting(root, constrainedRoot)
        .eventListener(event -> rejectionEvents.incrementAndGet()).build());

    Queue<String> failures = new ConcurrentLinkedQueue<>();
    CyclicBarrier together = new CyclicBarrier(THREADS);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(executor.submit(() -> {
          for (List<Case> round : rounds) {
            together.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < VALIDATIONS_PER_ROUND; i++) {
              // Every thread starts a round on the fresh chains, at once.
              check(verifier, round.get(i < 2 ? i : (thread + i) % round.size()), failures);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : futures) future.get(60, TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
      assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    assertTrue(failures.isEmpty(), failures.size() + " wrong answers, first: " + failures.peek());
    int rejections = 0;
    for (int t = 0; t < THREADS; t++) {
      for (List<Case> round : rounds) {
        for (int i = 0; i < VALIDATIONS_PER_ROUND; i++) {
          if (round.get(i < 2 ? i : (t + i) % round.size()).expected != null) rejections++;
        }
      }
    }
    assertEquals(rejections, rejectionEvents.get(), "one event per rejection");
  }

  private static void check(CertificateChainVerifier verifier, Case c, Queue<String> failures) {
    Reason actual = null;
    try {
      verifier.verify(c.chain, c.host);
    } catch (CertificateRejectedException e) {
      actual = e.reason();
    } catch (Throwable e) {
      failures.add(c.host + ": " + e);
      return;
    }
    if (actual != c.expected) failures.add(c.host + ": expected " + c.expected + " but was " + actual);
  }

  /**
   * New certificates (so new cache entries) under two constrained CAs; the lower one permits many
   * names inside {@code example.com} as well as {@code example.com} itself, which the platform's
   * minimizing removes one by one. One leaf is inside the constraints, one outside.
   */
  private static List<Case> doublyConstrained(Issued constrainedRoot) throws CertificateException {
    Issued upper = ca("Upper Constrained").key(KeyType.RSA_2048).permitted(dns("example.com"))
        .issuedBy(constrainedRoot).build();
    GeneralName[] redundant = new GeneralName[150];
    for (int i = 0; i < redundant.length - 1; i++) redundant[i] = dns("host" + i + ".example.com");
    redundant[redundant.length - 1] = dns("example.com");
    Issued lower = ca("Lower Constrained").key(KeyType.RSA_2048).permitted(redundant).issuedBy(upper).build();
    return List.of(
        new Case("www.example.com", null, leaf("www.example.com").issuedBy(lower).build(), lower, upper),
        new Case("www.example.org", Reason.NAME_CONSTRAINTS, leaf("www.example.org").issuedBy(lower).build(), lower,
            upper));
  }

  /** The JDK's cached object for {@code certificate}'s encoding, the one every caller shares. */
  private static X509Certificate sharedInstance(X509Certificate certificate) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    X509Certificate first = (X509Certificate) factory.generateCertificate(
        new ByteArrayInputStream(certificate.getEncoded()));
    X509Certificate second = (X509Certificate) factory.generateCertificate(
        new ByteArrayInputStream(certificate.getEncoded()));
    assertSame(first, second, "the platform caches certificates by encoding");
    return first;
  }
}
