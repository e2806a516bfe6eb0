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

  /**
   * {@code headers} minus credential headers and, if {@code redirect} is not null, what it drops;
   * {@code headers} itself if that is nothing, which tells that the caller's request can go out as
   * it is.
   */
  static Map<String, List<String>> strip(Map<String, List<String>> headers, CredentialScope credentials,
      RedirectHop redirect) {
    boolean dropsAny = false;
    for (String name : headers.keySet()) dropsAny |= drops(name, credentials, redirect);
    if (!dropsAny) return headers;
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (!drops(header.getKey(), credentials, redirect)) result.put(header.getKey(), header.getValue());
    }
    return result;
  }

  private static boolean drops(String name, CredentialScope credentials, RedirectHop redirect) {
    // HttpURLConnection lists its request line under a null key.
    return name == null || credentials.headerNames().contains(name.toLowerCase(Locale.ROOT))
        || (redirect != null && redirect.dropsHeader(name));
  }
}
