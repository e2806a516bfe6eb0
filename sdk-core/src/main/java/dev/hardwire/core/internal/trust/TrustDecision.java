package dev.hardwire.core.internal.trust;

import static dev.hardwire.core.internal.trust.Rejections.reject;

import dev.hardwire.core.CertificateChainVerifier;
import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.X509ExtendedTrustManager;

/** The verifier's steps: path, strict checks, host name, pins. */
public final class TrustDecision {
  private final TrustAnchors anchors;
  private final ChainValidator validator;
  private final PinCheck pins;
  private final Clock clock;

  public TrustDecision(SecurityPolicy policy, EventDispatcher events) {
    this.anchors = TrustAnchors.of(policy.trustAnchors());
    this.validator = new ChainValidator(anchors);
    this.pins = new PinCheck(policy.pins(), events);
    this.clock = policy.clock();
  }

  public void verify(List<X509Certificate> chain, String host) throws CertificateRejectedException {
    String canonicalHost = HostnameMatcher.canonicalHost(host);
    if (canonicalHost == null) {
      throw reject(host == null ? Reason.NO_HOSTNAME : Reason.MALFORMED, String.valueOf(host),
          "'" + host + "' is not a valid host name or IP literal", "Connect by a valid host name.");
    }
    Instant now = clock.instant();
    List<X509Certificate> path;
    try {
      path = validator.validate(chain, new Date(now.toEpochMilli()), host);
    } catch (RuntimeException e) {
      // The platform's PKIX throws unchecked exceptions on some inputs (for example otherName name
      // constraints); whatever it cannot evaluate is not trusted.
      throw reject(Reason.MALFORMED, host, "the platform cannot evaluate this chain (" + e + ")",
          "Use a conventional chain.", e);
    }
    HostnameMatcher.check(path.get(0), canonicalHost, host);
    pins.check(path, canonicalHost, host, now);
  }

  public X509ExtendedTrustManager trustManager(CertificateChainVerifier verifier) {
    return new VerifierTrustManager(verifier, anchors.certificates());
  }
}
