package dev.hardwire.jdk.internal;

import dev.hardwire.core.internal.credentials.CredentialScope;
import dev.hardwire.core.internal.redirects.RedirectHop;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The caller's headers as a hop may send them: without any header a policy credential manages (the
 * caller's copy never goes out; core decides what each hop carries) and, after a redirect, without
 * what the redirect rules drop.
 */
final class HopHeaders {
  private HopHeaders() {
  }

  /** {@code headers} minus credential headers and, if {@code redirect} is not null, what it drops. */
  static Map<String, List<String>> strip(Map<String, List<String>> headers, CredentialScope credentials,
      RedirectHop redirect) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      String name = header.getKey();
      // HttpURLConnection lists its request line under a null key.
      if (name == null || credentials.headerNames().contains(name.toLowerCase(Locale.ROOT))) continue;
      if (redirect != null && redirect.dropsHeader(name)) continue;
      result.put(name, header.getValue());
    }
    return result;
  }
}
