package dev.hardwire.testing;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;

/**
 * Counts, through a policy's events, the chains the verifier verified in full: a report-only pin
 * that never matches is reported once by each verification. A connection that resumes a session
 * verifies nothing, so two new connections and one verification mean that the second resumed; and
 * a new connection that reports two verifications was verified twice.
 */
public final class ChainVerifications {
  private static final String NEVER_MATCHES = "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  private final RecordingListener events = new RecordingListener();

  /** {@code policy}, counted here for connections to {@code host}. */
  public SecurityPolicy.Builder counting(SecurityPolicy.Builder policy, String host) {
    return policy.pinReportOnly(host, NEVER_MATCHES).eventListener(events);
  }

  /** The chains verified in full so far. */
  public int verified() {
    int count = 0;
    for (SecurityEvent event : events.events(SecurityEvent.Kind.PIN_FAILURE)) {
      if (!event.reportOnly()) throw new AssertionError("A report-only pin failed a connection: " + event);
      count++;
    }
    return count;
  }

  /** The connections made so far (not the pooled ones reused). */
  public int newConnections() {
    int count = 0;
    for (SecurityEvent event : events.events(SecurityEvent.Kind.TLS_NEGOTIATED)) {
      if (!event.connectionReused()) count++;
    }
    return count;
  }
}
