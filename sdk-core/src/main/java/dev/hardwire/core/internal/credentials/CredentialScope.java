package dev.hardwire.core.internal.credentials;

import dev.hardwire.core.Credential;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.internal.events.EventDispatcher;
import dev.hardwire.core.internal.hosts.HostNames;
import dev.hardwire.core.internal.url.Redaction;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, for one request hop, which of a policy's credentials it carries: only over https, only
 * to a host the credential's pattern matches, and only for the methods and path the credential
 * allows. Adapters remove every {@linkplain #headerNames() credential header} from a hop and attach
 * exactly what this returns, so a credential can never ride along by accident.
 */
public final class CredentialScope {
  private final List<Credential> credentials;
  private final Set<String> headerNames;
  private final EventDispatcher events;

  public CredentialScope(List<Credential> credentials, EventDispatcher events) {
    this.credentials = credentials;
    this.events = events;
    Set<String> names = new LinkedHashSet<>();
    for (Credential credential : credentials) names.add(credential.headerName().toLowerCase(Locale.ROOT));
    this.headerNames = Collections.unmodifiableSet(names);
  }

  /** Lower-case names of every header some credential sets. */
  public Set<String> headerNames() {
    return headerNames;
  }

  /**
   * The credentials for a hop to {@code uri} with {@code method}. {@code previousHop} is the URI of
   * the hop that redirected here, or null for the first hop; credentials that applied there but not
   * here are reported as withheld.
   */
  public List<Credential> forHop(URI uri, String method, URI previousHop) {
    if (credentials.isEmpty()) return Collections.emptyList();
    String scheme = uri.getScheme();
    boolean secure = "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme);
    String host = uri.getHost() == null ? null : HostNames.canonicalize(uri.getHost());
    String previousHost = previousHop == null || previousHop.getHost() == null
        ? null : HostNames.canonicalize(previousHop.getHost());
    String path = uri.getRawPath();
    List<Credential> result = null;
    for (Credential credential : credentials) {
      boolean hostMatches = secure && credential.matchesHost(host);
      if (hostMatches && credential.allows(method, path)) {
        if (result == null) result = new ArrayList<>(2);
        result.add(credential);
      } else if (hostMatches) {
        withheld(credential, uri, host, "OUT_OF_SCOPE", "the request's method or path is outside the credential's"
            + " scope (" + credential + ")");
      } else if (previousHost != null && credential.matchesHost(previousHost)) {
        withheld(credential, uri, host, "CROSS_HOST_REDIRECT", "a redirect left " + previousHost
            + ", the credential's scope");
      }
    }
    return result == null ? Collections.<Credential>emptyList() : result;
  }

  private void withheld(Credential credential, URI uri, String host, String reason, String why) {
    if (!events.hasListeners()) return;
    String url = Redaction.redact(uri.toString());
    events.emit(events.event(SecurityEvent.Kind.CREDENTIAL_WITHHELD)
        .url(url)
        .host(host)
        .hostPattern(credential.hostPattern())
        .reason(reason)
        .message("Sent " + url + " without its " + credential.headerName() + " credential: " + why + "."));
  }
}
