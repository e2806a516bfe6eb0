package dev.hardwire.core.internal.trust;

import dev.hardwire.core.CertificateRejectedException;
import dev.hardwire.core.CertificateRejectedException.Reason;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.events.EventDispatcher;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks SPKI pins against a validated path, as OkHttp's {@code CertificatePinner} does: the host's
 * pins must include the hash of at least one certificate in the path (leaf, intermediates or root).
 * Pins are checked only after the path is valid, so a pin never makes an invalid chain acceptable.
 */
final class PinCheck {
  private final List<HostPins> pins;
  private final Map<HostPins, List<byte[]>> hashes = new IdentityHashMap<>();
  private final EventDispatcher events;

  PinCheck(List<HostPins> pins, EventDispatcher events) {
    this.pins = pins;
    this.events = events;
    // Decoded once: every handshake with a pinned host compares against them.
    for (HostPins hostPins : pins) {
      List<byte[]> decoded = new ArrayList<>(hostPins.pins().size());
      for (String pin : hostPins.pins()) decoded.add(SpkiPins.decode(pin));
      hashes.put(hostPins, decoded);
    }
  }

  /**
   * Enforced pins of every pattern that matches the host count together, as in OkHttp's {@code
   * CertificatePinner}: the path must contain one of them. Report-only pins are judged the same way,
   * separately, and only reported.
   */
  void check(List<X509Certificate> path, String canonicalHost, String host, Instant now)
      throws CertificateRejectedException {
    if (pins.isEmpty()) return;
    List<HostPins> enforced = new ArrayList<>();
    List<HostPins> reportOnly = new ArrayList<>();
    for (HostPins hostPins : pins) {
      if (!hostPins.matchesHost(canonicalHost)) continue;
      if (hostPins.expiresAt() != null && !now.isBefore(hostPins.expiresAt())) {
        events.emit(events.event(SecurityEvent.Kind.PINS_EXPIRED)
            .host(canonicalHost)
            .hostPattern(hostPins.hostPattern())
            .message("Pins for " + hostPins.hostPattern() + " expired at " + hostPins.expiresAt()
                + " and are no longer enforced; publish new pins."));
        continue;
      }
      (hostPins.reportOnly() ? reportOnly : enforced).add(hostPins);
    }
    if (enforced.isEmpty() && reportOnly.isEmpty()) return;
    List<byte[]> hashes = hashes(path);
    if (!reportOnly.isEmpty() && !matchesAny(reportOnly, hashes)) {
      report(canonicalHost, reportOnly, failureMessage(path, host, reportOnly));
    }
    if (!enforced.isEmpty() && !matchesAny(enforced, hashes)) {
      String message = failureMessage(path, host, enforced);
      report(canonicalHost, enforced, message);
      throw new CertificateRejectedException(Reason.PIN_MISMATCH, message);
    }
  }

  private void report(String canonicalHost, List<HostPins> failed, String message) {
    events.emit(events.event(SecurityEvent.Kind.PIN_FAILURE)
        .host(canonicalHost)
        .hostPattern(failed.get(0).hostPattern())
        .reportOnly(failed.get(0).reportOnly())
        .reason(Reason.PIN_MISMATCH.name())
        .message(message));
  }

  private static List<byte[]> hashes(List<X509Certificate> path) {
    List<byte[]> result = new ArrayList<>(path.size());
    for (X509Certificate certificate : path) result.add(SpkiPins.hash(certificate));
    return result;
  }

  private boolean matchesAny(List<HostPins> patterns, List<byte[]> pathHashes) {
    for (HostPins hostPins : patterns) {
      for (byte[] pinned : hashes.get(hostPins)) {
        for (byte[] hash : pathHashes) {
          if (Arrays.equals(pinned, hash)) return true;
        }
      }
    }
    return false;
  }

  /** OkHttp's wording, so that teams moving from {@code CertificatePinner} recognise it. */
  private static String failureMessage(List<X509Certificate> path, String host, List<HostPins> patterns) {
    StringBuilder message = new StringBuilder("Certificate pinning failure!")
        .append("\n  Peer certificate chain:");
    for (X509Certificate certificate : path) {
      message.append("\n    ").append(SpkiPins.of(certificate)).append(": ")
          .append(certificate.getSubjectX500Principal().getName());
    }
    message.append("\n  Pinned certificates for ").append(host).append(':');
    for (HostPins hostPins : patterns) {
      for (String pin : hostPins.pins()) {
        message.append("\n    ").append(pin).append(" (").append(hostPins.hostPattern())
            .append(hostPins.reportOnly() ? ", report-only" : "").append(')');
      }
    }
    message.append("\n  If the server's key changed on purpose, pin one of the hashes above, keeping a backup pin.");
    return message.toString();
  }
}
