package dev.hardwire.core;

/**
 * The TLS versions a {@link SecurityPolicy} may allow. Nothing older than TLS 1.2 exists here, so no
 * configuration can ask for it.
 *
 * <pre>{@code
 * SecurityPolicy policy = SecurityPolicy.builder()
 *     .minimumTlsVersion(TlsVersion.TLS_1_2) // default: TLS_1_3
 *     .build();
 * }</pre>
 */
public enum TlsVersion {
  /** TLS 1.2, allowed only with ECDHE key exchange and AEAD ciphers. */
  TLS_1_2("TLSv1.2"),
  /** TLS 1.3, the default minimum. */
  TLS_1_3("TLSv1.3");

  private final String javaName;

  TlsVersion(String javaName) {
    this.javaName = javaName;
  }

  /** Returns the JSSE protocol name, such as {@code TLSv1.3}. */
  public String javaName() {
    return javaName;
  }

  /**
   * Returns the version with the JSSE name {@code javaName}.
   *
   * @throws IllegalArgumentException for any other name, including {@code TLSv1.1} and older
   */
  public static TlsVersion forJavaName(String javaName) {
    for (TlsVersion version : values()) {
      if (version.javaName.equals(javaName)) return version;
    }
    throw new IllegalArgumentException("Unsupported TLS version '" + javaName
        + "': Hardwire supports only TLSv1.2 and TLSv1.3. Upgrade the server to TLS 1.2 or newer.");
  }
}
