package dev.hardwire.core.internal.hosts;

import dev.hardwire.core.Credential;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps an event to one of a fixed set of configured host patterns, or {@value #OTHER}: the host
 * dimension of metrics and alerts. Raw request hosts are never returned, because whoever controls
 * the URLs (or a DNS rebinding attacker) would otherwise control the number of time series or
 * alert keys.
 */
public final class KnownHostPatterns {
  /** The bucket for every host that no configured pattern matches. */
  public static final String OTHER = "other";

  /** Exact hosts first, then {@code *.} and {@code **.}; longer suffixes before shorter ones. */
  private static final Comparator<HostPattern> MOST_SPECIFIC_FIRST = new Comparator<HostPattern>() {
    @Override public int compare(HostPattern a, HostPattern b) {
      int byRank = Integer.compare(rank(a), rank(b));
      return byRank != 0 ? byRank : Integer.compare(b.toString().length(), a.toString().length());
    }
  };

  private final Set<String> names;
  private final List<HostPattern> patterns;

  private KnownHostPatterns(Set<String> names, List<HostPattern> patterns) {
    this.names = names;
    this.patterns = patterns;
  }

  /** The host patterns of {@code policy}'s pins and credentials. */
  public static KnownHostPatterns of(SecurityPolicy policy) {
    List<String> patterns = new ArrayList<>();
    for (HostPins pins : policy.pins()) patterns.add(pins.hostPattern());
    for (Credential credential : policy.credentials()) patterns.add(credential.hostPattern());
    return of(patterns);
  }

  /**
   * The given host patterns, in any of the forms pins and credentials accept.
   *
   * @throws IllegalArgumentException for a malformed pattern
   */
  public static KnownHostPatterns of(Collection<String> hostPatterns) {
    Set<String> names = new LinkedHashSet<>();
    List<HostPattern> parsed = new ArrayList<>();
    for (String hostPattern : hostPatterns) {
      HostPattern pattern = HostPattern.parse(hostPattern);
      if (names.add(pattern.toString())) parsed.add(pattern);
    }
    Collections.sort(parsed, MOST_SPECIFIC_FIRST);
    return new KnownHostPatterns(Collections.unmodifiableSet(names), Collections.unmodifiableList(parsed));
  }

  /** The canonical patterns, in the order given. */
  public Set<String> patterns() {
    return names;
  }

  /**
   * The event's own host pattern if it is one of these; else the most specific of these that
   * matches the event's host (or its URL's host); else {@value #OTHER}.
   */
  public String classify(SecurityEvent event) {
    if (patterns.isEmpty()) return OTHER;
    if (event.hostPattern() != null && names.contains(event.hostPattern())) return event.hostPattern();
    String host = HostNames.canonicalize(event.host() != null ? event.host() : hostOf(event.url()));
    if (host == null) return OTHER;
    for (HostPattern pattern : patterns) {
      if (pattern.matches(host)) return pattern.toString();
    }
    return OTHER;
  }

  private static String hostOf(String url) {
    if (url == null) return null;
    try {
      return new URI(url).getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static int rank(HostPattern pattern) {
    String text = pattern.toString();
    return text.startsWith("**.") ? 2 : text.startsWith("*.") ? 1 : 0;
  }

  @Override
  public String toString() {
    return "KnownHostPatterns" + names;
  }
}
