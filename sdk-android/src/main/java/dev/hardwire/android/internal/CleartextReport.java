package dev.hardwire.android.internal;

import dev.hardwire.core.Credential;
import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hosts that matter to a policy (those with credentials or pins) for which the app's Network
 * Security Config still permits cleartext. Hardwire's clients refuse cleartext whatever NSC says; the
 * report is for the app's other HTTP stacks (WebView, {@code HttpURLConnection}, third-party SDKs),
 * which obey NSC alone.
 */
public final class CleartextReport {
  private static final Logger LOGGER = Logger.getLogger("dev.hardwire.android");

  private CleartextReport() {
  }

  /**
   * The policy's credential and pin host patterns, in policy order, whose host NSC lets go out in
   * cleartext. A wildcard pattern ({@code *.example.com}, {@code **.example.com}) is looked up by its
   * domain ({@code example.com}), the name a {@code <domain includeSubdomains="true">} entry matches.
   */
  public static List<String> permittedHostPatterns(SecurityPolicy policy, AndroidPlatform platform) {
    Set<String> patterns = new LinkedHashSet<>();
    for (Credential credential : policy.credentials()) patterns.add(credential.hostPattern());
    for (HostPins pins : policy.pins()) patterns.add(pins.hostPattern());
    List<String> permitted = new ArrayList<>();
    for (String pattern : patterns) {
      if (ApiLevels.cleartextPermitted(platform, HostPatterns.domain(pattern))) permitted.add(pattern);
    }
    return Collections.unmodifiableList(permitted);
  }

  /** Logs one warning, if any host is permitted, naming the hosts and the fix. */
  static void warnIfPermitted(SecurityPolicy policy, AndroidPlatform platform) {
    List<String> permitted = permittedHostPatterns(policy, platform);
    if (permitted.isEmpty()) return;
    LOGGER.log(Level.WARNING, "The app's Network Security Config permits cleartext HTTP to " + permitted + ". Hardwire's"
        + " clients refuse it anyway, but the app's other HTTP stacks (WebView, HttpURLConnection, SDKs) obey the"
        + " config alone: set cleartextTrafficPermitted=\"false\" in res/xml/network_security_config.xml (NscExport"
        + " writes it from the policy).");
  }
}
