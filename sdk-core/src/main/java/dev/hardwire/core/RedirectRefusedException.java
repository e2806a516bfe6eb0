package dev.hardwire.core;

/**
 * A redirect Hardwire refused to follow: a hop to {@code http://} (a downgrade that would send the
 * request, and perhaps its credentials, in cleartext), a {@code Location} that is not a valid URL,
 * or more hops than the policy allows. Nothing was sent to the redirect target.
 */
public final class RedirectRefusedException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public RedirectRefusedException(String message, String redactedUrl) {
    super(message, redactedUrl);
  }
}
