package dev.hardwire.core.internal.redirects;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The next hop of a redirect: where to, with which method, and which headers must not follow. */
public final class RedirectHop {
  private final URI target;
  private final String method;
  private final boolean keepsBody;
  private final boolean crossOrigin;
  private final Set<String> droppedOnCrossOrigin;
  private final Set<String> credentialHeaders;

  RedirectHop(URI target, String method, boolean keepsBody, boolean crossOrigin, Set<String> droppedOnCrossOrigin,
      Set<String> credentialHeaders) {
    this.target = target;
    this.method = method;
    this.keepsBody = keepsBody;
    this.crossOrigin = crossOrigin;
    this.droppedOnCrossOrigin = droppedOnCrossOrigin;
    this.credentialHeaders = credentialHeaders;
  }

  /** The absolute https URI of the next hop. */
  public URI target() {
    return target;
  }

  /** The method of the next hop: GET after a 303, or after a 301/302 of a POST. */
  public String method() {
    return method;
  }

  /** True if the request body is sent again (unless the method became GET); otherwise body headers are dropped. */
  public boolean keepsBody() {
    return keepsBody;
  }

  /** True if the next hop's scheme, host or port differs from the current one. */
  public boolean crossOrigin() {
    return crossOrigin;
  }

  /**
   * True if the header {@code name} must be removed before the next hop. Credential headers are
   * always removed (they are re-decided for the new hop); on a cross-origin hop so are {@code
   * Authorization}, {@code Proxy-Authorization}, {@code Cookie} and the policy's sensitive headers;
   * without a body, so are the body's headers.
   */
  public boolean dropsHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (credentialHeaders.contains(lower)) return true;
    if (crossOrigin && droppedOnCrossOrigin.contains(lower)) return true;
    return !keepsBody && (lower.equals("content-type") || lower.equals("content-length")
        || lower.equals("content-encoding") || lower.equals("transfer-encoding"));
  }
}
