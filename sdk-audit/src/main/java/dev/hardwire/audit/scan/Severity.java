package dev.hardwire.audit.scan;

import java.util.Locale;

/** How urgent a finding is, lowest first; {@link #INFO} never fails a build by default. */
public enum Severity {
  /** Cleartext that stays on this machine (loopback), reported so test servers stay visible. */
  INFO,
  /** Cleartext the code cannot change, such as link-local cloud metadata services. */
  LOW,
  /** Cleartext inside a private network: internal names, private addresses, templated hosts. */
  MEDIUM,
  /** Cleartext to a public host. */
  HIGH,
  /** Cleartext that carries a credential: userinfo, a secret query parameter or header nearby. */
  CRITICAL;

  /** The lower-case name used on the command line and in reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a severity as typed on the command line.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Severity parse(String value) {
    for (Severity severity : values()) {
      if (severity.id().equals(value.toLowerCase(Locale.ROOT))) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + value + "': use one of info, low, medium, high, critical");
  }
}
