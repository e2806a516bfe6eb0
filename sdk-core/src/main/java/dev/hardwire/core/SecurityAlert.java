package dev.hardwire.core;

/**
 * A downgrade attempt or pin failure worth a page, raised by {@link SecurityAlerts} at most once per
 * {@linkplain #kind() kind} and {@linkplain #hostPattern() host pattern} per interval.
 *
 * <p>Like the events it summarizes, an alert holds no secret: its {@link #toString()} is safe to
 * send to a pager or a chat channel.
 */
public final class SecurityAlert {
  private final SecurityEvent event;
  private final String hostPattern;
  private final long suppressed;

  SecurityAlert(SecurityEvent event, String hostPattern, long suppressed) {
    this.event = event;
    this.hostPattern = hostPattern;
    this.suppressed = suppressed;
  }

  /** The kind of the event that raised this alert. */
  public SecurityEvent.Kind kind() {
    return event.kind();
  }

  /**
   * The configured host pattern the event concerns, or {@code other} when it matches none of the
   * patterns {@link SecurityAlerts} was given. Never a raw request host.
   */
  public String hostPattern() {
    return hostPattern;
  }

  /**
   * How many events of the same kind and host pattern were swallowed since the previous alert for
   * them: 0 for the first alert, and the size of the storm for the next one.
   */
  public long suppressed() {
    return suppressed;
  }

  /** The event that raised this alert: the first one after a quiet interval. */
  public SecurityEvent event() {
    return event;
  }

  @Override
  public String toString() {
    return "SecurityAlert{" + event.kind() + " on " + hostPattern
        + (suppressed > 0 ? ", " + suppressed + " more since the previous alert" : "")
        + ": " + (event.message() != null ? event.message() : event.toString()) + "}";
  }
}
