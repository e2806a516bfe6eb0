package dev.hardwire.core;

import java.io.IOException;

/**
 * A request Hardwire refused before sending it, or a redirect hop it refused to follow. It is an
 * {@link IOException} so that existing error handling catches it like any failed call.
 *
 * <p>The message names what was refused and how to fix it. It never contains a credential, the
 * query string or the userinfo of the refused URL; {@link #redactedUrl()} is the URL as the message
 * shows it.
 */
public class RequestRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String redactedUrl;

  public RequestRefusedException(String message, String redactedUrl) {
    super(message);
    this.redactedUrl = redactedUrl;
  }

  /** The refused URL without userinfo, query or fragment, or {@code null} if it was unparsable. */
  public String redactedUrl() {
    return redactedUrl;
  }
}
