package dev.hardwire.micrometer.internal;

/**
 * Every meter Hardwire publishes, by its Micrometer name. The names are a public contract
 * (dashboards and alert rules query them): the module README lists them, and changing one is a
 * breaking change.
 */
public enum HardwireMeter {
  REQUESTS("hardwire.requests",
      "Requests by the URL guard's verdict on their first hop: allowed, upgraded, refused-cleartext, refused-url"),
  TLS_CONNECTIONS("hardwire.tls.connections",
      "TLS connections used by requests, by negotiated version, cipher suite, provider, and new or reused"),
  TLS_HANDSHAKE_DURATION("hardwire.tls.handshake.duration",
      "Duration of new TLS handshakes, by negotiated version and provider"),
  TLS_HANDSHAKE_FAILURES("hardwire.tls.handshake.failures",
      "TLS handshakes that failed for a reason other than the certificate, such as an old protocol version"),
  CERTIFICATES_REJECTED("hardwire.certificates.rejected",
      "Certificate chains that failed validation, by rule"),
  PIN_FAILURES("hardwire.pin.failures",
      "Chains that matched none of their host pattern's pins, enforced or report-only"),
  PINS_EXPIRED("hardwire.pin.expired",
      "Connections whose pins were not enforced because they had expired"),
  PINS_WITHOUT_BACKUP("hardwire.pin.without.backup",
      "Policies built with a single pin for a host pattern: the next key rotation locks clients out"),
  CREDENTIALS_WITHHELD("hardwire.credentials.withheld",
      "Scoped credentials not attached to a request outside their scope"),
  REDIRECTS_REFUSED("hardwire.redirects.refused",
      "Redirects refused; reason DOWNGRADE is a redirect from https to http"),
  REDIRECTS_CROSS_ORIGIN("hardwire.redirects.cross.origin",
      "Redirects followed to another origin, with sensitive headers dropped"),
  CLEARTEXT_SHARE("hardwire.posture.cleartext.share",
      "Share of requests since start that tried cleartext (refused or upgraded), 0 to 1"),
  TLS_VERSION_SHARE("hardwire.posture.tls.share",
      "Share of TLS connections since start negotiated with each version, 0 to 1");

  private final String meterName;
  private final String description;

  HardwireMeter(String meterName, String description) {
    this.meterName = meterName;
    this.description = description;
  }

  public String meterName() {
    return meterName;
  }

  public String description() {
    return description;
  }
}
