package dev.hardwire.core.limbo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.SecurityPolicy;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every SERVER case of the x509-limbo suite (9,770 of 9,780; the other 10 are client e-mail
 * validation) through {@link CertificateChainVerifier}: the case's roots as trust anchors, its
 * validation time as the policy clock, its peer name as the host.
 *
 * <p>The goal is zero false accepts. The ones that remain, and every false reject, are listed below
 * with the reason; the test fails if the verifier's behaviour moves in either direction, so each
 * change is a decision (and {@code LIMBO.md} is updated with it).
 */
class X509LimboTest {
  private static final String COMMON_NAME_NEVER_READ =
      "Hardwire never reads the subject CN for host names (SANs only), so a CN that disagrees with the SANs cannot"
          + " change its decision; the CA/B Forum CN-in-SAN rule is a profile check it leaves to CAs.";
  private static final String KEY_IDENTIFIERS_OPTIONAL =
      "SKI/AKI help path building but carry no security; private PKIs made with okhttp-tls HeldCertificate and"
          + " similar tools omit them, so requiring them would reject working private chains.";

  /** Cases expected to FAIL that Hardwire accepts, with the reason it does. */
  static final Map<String, String> KNOWN_FALSE_ACCEPTS = new LinkedHashMap<>();

  /** Cases expected to SUCCEED that Hardwire rejects, with the reason it does. */
  static final Map<String, String> KNOWN_FALSE_REJECTS = new LinkedHashMap<>();

  static {
    accepts("webpki::san::san-critical-with-nonempty-subject", "okhttp-tls HeldCertificate marks SANs critical"
        + " with a non-empty subject; Hardwire reads the SANs the same way whatever their criticality.");
    accepts("webpki::san::public-suffix-multi-label-wildcard-san", "Needs the Public Suffix List, which a"
        + " dependency-free core does not carry; wildcards directly above a single label (*.com) are refused.");
    accepts("webpki::san::public-suffix-private-namespace-wildcard-san", "Needs the Public Suffix List (see above).");
    accepts("webpki::eku::ee-without-eku", "By design serverAuth is required only when the leaf has an EKU"
        + " extension: many private PKIs issue server certificates without one.");
    for (String cn : new String[] {"not-in-san", "case-mismatch", "punycode-not-in-san", "utf8-vs-punycode-mismatch",
        "ipv4-leading-zeros-mismatch", "ipv4-hex-mismatch", "ipv6-uppercase-mismatch", "ipv6-uncompressed-mismatch",
        "ipv6-non-rfc5952-mismatch"}) {
      accepts("webpki::cn::" + cn, COMMON_NAME_NEVER_READ);
    }
    for (String id : new String[] {"rfc5280::ski::root-missing-ski", "rfc5280::ski::intermediate-missing-ski",
        "rfc5280::aki::leaf-missing-aki", "rfc5280::aki::intermediate-missing-aki",
        "rfc5280::aki::cross-signed-root-missing-aki"}) {
      accepts(id, KEY_IDENTIFIERS_OPTIONAL);
    }
    accepts("pathlen::max-chain-depth-0-exhausted", "max_chain_depth is a harness parameter; Hardwire has no per-call"
        + " depth option (the platform's builder allows 5 intermediates).");
    accepts("pathlen::max-chain-depth-1-exhausted", "max_chain_depth is a harness parameter (see above).");
    for (String crl : new String[] {"revoked-certificate-with-crl", "issuer-missing-crlsign", "crlnumber-missing",
        "crlnumber-critical"}) {
      accepts("crl::" + crl, "Revocation is not checked: it would need the network during the handshake, and the"
          + " policy takes no CRLs.");
    }

    rejects("webpki::nc::permitted-dns-match-noncritical", "Hardwire follows RFC 5280 (name constraints must be"
        + " critical) over the CA/B Forum's exception; limbo's rfc5280:: twin of this case expects the rejection.");
    rejects("rfc5280::validity::notafter-fractional", "Validated 5 ms after notAfter: Hardwire compares instants;"
        + " limbo accepts either reading of this ambiguous case.");
    rejects("rfc5280::nc::permitted-dn-match", "The case has no peer name; Hardwire always verifies a host name.");
    rejects("rfc5280::nc::nc-forbids-alternate-chain-ica", "The platform's PKIX builder does not find the alternate"
        + " path around the constrained intermediate (Hardwire never builds paths itself).");
    rejects("rfc5280::ca-as-leaf", "Hardwire refuses CA certificates as server certificates (CA/B Forum).");
    rejects("pathlen::validation-ignores-pathlen-in-leaf", "The leaf is a CA certificate, refused as above.");
    for (int tc : new int[] {3167, 3173, 3176, 3182, 3184, 3185, 3186, 3190, 3191, 3192, 3194, 3200, 3203, 3209, 3211,
        3212, 3213, 3217, 3218, 3219, 3897, 3903, 3904, 3905, 3906, 3910, 3911, 3912, 3915, 3921, 3924, 3930, 3931,
        3932, 3933, 3937, 3938, 3939, 3942, 3948, 5194, 5196, 5203, 5205, 5221, 5223, 5230, 5232, 5245, 5247, 5248,
        5250, 5251, 5253, 5254, 5256, 5257, 5259, 5260, 5262, 5926, 5928, 5935, 5937, 5947, 5949, 5950, 5952, 5953,
        5955, 5956, 5958, 5959, 5961, 5962, 5964, 5980, 5982, 5989, 5991}) {
      rejects("bettertls::nameconstraints::tc" + tc, "The platform's PKIX applies an intermediate's name"
          + " constraints to a subject CN that looks like a host name or IP even when SANs are present; stricter"
          + " than BetterTLS expects, and Hardwire does not replace the platform's constraint checking.");
    }
  }

  private static void accepts(String id, String reason) {
    KNOWN_FALSE_ACCEPTS.put(id, reason);
  }

  private static void rejects(String id, String reason) {
    KNOWN_FALSE_REJECTS.put(id, reason);
  }

  @Test
  void everyServerCaseMatchesLimboOrIsAListedDecision() throws Exception {
    List<LimboCases.Case> cases = new ArrayList<>();
    for (JsonNode node : LimboCases.load().get("testcases")) {
      LimboCases.Case c = new LimboCases.Case(node);
      if (c.isServer()) cases.add(c);
    }
    Map<String, String> falseAccepts = new ConcurrentSkipListMap<>();
    Map<String, String> falseRejects = new ConcurrentSkipListMap<>();
    cases.parallelStream().forEach(c -> {
      String rejection = rejection(c);
      if (rejection == null && !c.expectSuccess) falseAccepts.put(c.id, "accepted");
      if (rejection != null && c.expectSuccess) falseRejects.put(c.id, rejection);
    });

    System.out.printf("x509-limbo: %d server cases, %d as expected, %d false accepts, %d false rejects%n",
        cases.size(), cases.size() - falseAccepts.size() - falseRejects.size(), falseAccepts.size(),
        falseRejects.size());
    assertEquals(9770, cases.size());
    assertEquals(new TreeSet<>(KNOWN_FALSE_ACCEPTS.keySet()), falseAccepts.keySet(), "false accepts changed");
    assertEquals(new TreeSet<>(KNOWN_FALSE_REJECTS.keySet()), unexpected(falseRejects), "false rejects changed");
  }

  private static Set<String> unexpected(Map<String, String> falseRejects) {
    return Collections.unmodifiableSet(new TreeMap<>(falseRejects).keySet());
  }

  /** Null if the verifier accepts the case, else why it refused. */
  static String rejection(LimboCases.Case c) {
    if (c.parseFailure != null) return "the platform cannot parse a certificate: " + c.parseFailure.getMessage();
    try {
      SecurityPolicy policy = SecurityPolicy.builder()
          .trustAnchors(c.trusted)
          .clock(c.validationTime == null ? Clock.systemUTC() : Clock.fixed(c.validationTime, ZoneOffset.UTC))
          .build();
      CertificateChainVerifier.create(policy).verify(c.chain, c.peerName);
      return null;
    } catch (CertificateRejectedException e) {
      return e.reason() + ": " + e.getMessage();
    } catch (CertificateException e) {
      return e.toString();
    }
  }
}
