package dev.hardwire.audit.fix;

/**
 * The rewrite {@code audit --fix} makes, for tools that edit code themselves (the OpenRewrite
 * recipes in {@code sdk-migrate}): {@code http://host:80/x} becomes {@code https://host/x},
 * {@code ws://} becomes {@code wss://}. Decide first, with {@link
 * dev.hardwire.audit.scan.UrlClassifier}, that the URL is one to upgrade.
 *
 * <pre>{@code
 * UrlRewrite.upgrade("http://api.acme.io:80/v1?q=1");   // "https://api.acme.io/v1?q=1"
 * UrlRewrite.upgrade("http://api.acme.io:8080/v1");     // null: a custom port has no known TLS twin
 * }</pre>
 */
public final class UrlRewrite {
  private UrlRewrite() {
  }

  /**
   * The upgraded form of {@code value}, which starts with an http or ws URL; null when it does not
   * start with one on the default port.
   */
  public static String upgrade(String value) {
    return UrlUpgrade.apply(value, 0);
  }
}
