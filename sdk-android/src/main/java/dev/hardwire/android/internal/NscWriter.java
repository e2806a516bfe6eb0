package dev.hardwire.android.internal;

import dev.hardwire.core.HostPins;
import dev.hardwire.core.SecurityPolicy;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.codehaus.mojo.animal_sniffer.IgnoreJRERequirement;

/**
 * Writes a policy's rules as an Android Network Security Config. Every value written comes from a
 * validated policy (canonical host names, base64 pins), so nothing needs XML escaping.
 *
 * <p>A build-time tool: it runs on the JVM (and on Android 8.0+, for {@code java.util.Base64}); R8
 * removes it from apps that do not call it.
 */
@IgnoreJRERequirement
public final class NscWriter {
  /** The file name, without extension, of the {@code index}-th private root in {@code res/raw}. */
  public static final String RAW_ROOT_PREFIX = "hardwire_root_";

  /**
   * NSC reads {@code expiration} as local midnight on the device. Writing the date of {@code
   * expiresAt} minus this offset keeps that midnight at or before the policy's expiry in every time
   * zone (UTC-12 is the latest midnight), so the platform never enforces pins longer than Hardwire.
   */
  private static final long LATEST_UTC_OFFSET_MILLIS = 12L * 60 * 60 * 1000;

  private NscWriter() {
  }

  /** The PEM text of each private root, by raw resource name without extension, in policy order. */
  public static Map<String, String> rawRoots(SecurityPolicy policy) {
    Map<String, String> roots = new LinkedHashMap<>();
    List<X509Certificate> anchors = policy.trustAnchors();
    for (int i = 0; i < anchors.size(); i++) roots.put(RAW_ROOT_PREFIX + i, pem(anchors.get(i)));
    return roots;
  }

  /**
   * The config's XML.
   *
   * @throws IllegalArgumentException if two pinned patterns map to the same NSC domain, which NSC
   *     cannot tell apart
   */
  public static String xml(SecurityPolicy policy) {
    StringBuilder xml = new StringBuilder()
        .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<!-- Written by Hardwire's NscExport from a SecurityPolicy, so that the platform enforces what Hardwire\n")
        .append("     enforces. Regenerate it when the policy changes rather than editing it. -->\n")
        .append("<network-security-config>\n")
        .append("  <base-config cleartextTrafficPermitted=\"false\">\n")
        .append("    <trust-anchors>\n");
    if (policy.trustAnchors().isEmpty()) {
      xml.append("      <certificates src=\"system\"/>\n");
    } else {
      for (String name : rawRoots(policy).keySet()) {
        xml.append("      <certificates src=\"@raw/").append(name).append("\"/>\n");
      }
    }
    xml.append("    </trust-anchors>\n")
        .append("  </base-config>\n");
    Map<String, String> domains = new LinkedHashMap<>();
    for (HostPins pins : policy.pins()) {
      if (pins.reportOnly()) {
        xml.append("  <!-- ").append(pins.hostPattern()).append(": report-only pins, which NSC cannot express"
            + " (it would enforce them). -->\n");
        continue;
      }
      String domain = HostPatterns.domain(pins.hostPattern());
      String previous = domains.put(domain, pins.hostPattern());
      if (previous != null) {
        throw new IllegalArgumentException("Pins for '" + previous + "' and '" + pins.hostPattern() + "' both map to the"
            + " Network Security Config domain '" + domain + "', which cannot hold two pin sets. Give both patterns the"
            + " same pins under one pattern ('**." + domain + "'), or export without one of them.");
      }
      appendDomainConfig(xml, pins, domain);
    }
    return xml.append("</network-security-config>\n").toString();
  }

  private static void appendDomainConfig(StringBuilder xml, HostPins pins, String domain) {
    xml.append("  <domain-config cleartextTrafficPermitted=\"false\">\n");
    if (pins.hostPattern().startsWith("*.")) {
      xml.append("    <!-- ").append(pins.hostPattern()).append(": NSC has no one-label wildcard; these pins also apply to ")
          .append(domain).append(" and deeper names. -->\n");
    }
    xml.append("    <domain includeSubdomains=\"").append(HostPatterns.includeSubdomains(pins.hostPattern()))
        .append("\">").append(domain).append("</domain>\n")
        .append("    <pin-set");
    Instant expiresAt = pins.expiresAt();
    if (expiresAt != null) xml.append(" expiration=\"").append(expirationDate(expiresAt)).append('"');
    xml.append(">\n");
    for (String pin : pins.pins()) {
      xml.append("      <pin digest=\"SHA-256\">").append(pin.substring("sha256/".length())).append("</pin>\n");
    }
    xml.append("    </pin-set>\n")
        .append("  </domain-config>\n");
  }

  static String expirationDate(Instant expiresAt) {
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd", Locale.ROOT);
    format.setTimeZone(TimeZone.getTimeZone("UTC"));
    return format.format(new Date(expiresAt.toEpochMilli() - LATEST_UTC_OFFSET_MILLIS));
  }

  private static String pem(X509Certificate certificate) {
    try {
      String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Trust anchor " + certificate.getSubjectX500Principal()
          + " cannot be encoded: " + e, e);
    }
  }
}
