package dev.hardwire.core;

import dev.hardwire.core.internal.hosts.HostPattern;
import dev.hardwire.core.internal.trust.SpkiPins;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The SPKI pins configured for one host pattern, as returned by {@link SecurityPolicy#pins()}.
 * Configure pins with {@link SecurityPolicy.Builder#pin(String, String...)} and {@link
 * SecurityPolicy.Builder#pinReportOnly(String, String...)}.
 */
public final class HostPins {
  private final HostPattern hostPattern;
  private final List<String> pins;
  private final boolean reportOnly;
  private final Instant expiresAt;

  HostPins(String hostPattern, String[] pins, boolean reportOnly, Instant expiresAt) {
    this.hostPattern = HostPattern.parse(hostPattern);
    if (pins.length == 0) {
      throw new IllegalArgumentException("No pins given for '" + hostPattern + "': pass at least one 'sha256/...' pin"
          + " (and a backup pin for the next key).");
    }
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String pin : pins) {
      SpkiPins.decode(pin);
      set.add(pin);
    }
    this.pins = Collections.unmodifiableList(new ArrayList<>(set));
    this.reportOnly = reportOnly;
    this.expiresAt = expiresAt;
  }

  HostPins withExpiry(Instant expiresAt) {
    return new HostPins(hostPattern.toString(), pins.toArray(new String[0]), reportOnly, expiresAt);
  }

  /** The host pattern in canonical form, such as {@code *.example.com}. */
  public String hostPattern() {
    return hostPattern.toString();
  }

  /** True if this pattern matches the canonical host name {@code host}. */
  public boolean matchesHost(String canonicalHost) {
    return hostPattern.matches(canonicalHost);
  }

  /** The pins, each {@code sha256/BASE64=}, in the order configured, without duplicates. */
  public List<String> pins() {
    return pins;
  }

  /** True if a mismatch is reported as an event but does not fail the connection. */
  public boolean reportOnly() {
    return reportOnly;
  }

  /** When these pins stop being enforced, or null if they never expire. */
  public Instant expiresAt() {
    return expiresAt;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof HostPins)) return false;
    HostPins that = (HostPins) other;
    return hostPattern.equals(that.hostPattern) && pins.equals(that.pins) && reportOnly == that.reportOnly
        && (expiresAt == null ? that.expiresAt == null : expiresAt.equals(that.expiresAt));
  }

  @Override
  public int hashCode() {
    return (hostPattern.hashCode() * 31 + pins.hashCode()) * 31 + (reportOnly ? 1 : 0);
  }

  @Override
  public String toString() {
    return "HostPins{" + hostPattern + ", " + pins + (reportOnly ? ", reportOnly" : "")
        + (expiresAt != null ? ", expiresAt=" + expiresAt : "") + "}";
  }
}
