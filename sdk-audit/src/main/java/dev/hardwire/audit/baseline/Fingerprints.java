package dev.hardwire.audit.baseline;

import dev.hardwire.audit.scan.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings: the file, the rule, the masked URL and which occurrence of
 * that URL in the file it is. Line numbers are left out so that editing a file above a known
 * finding does not make it new; the masked URL means a fingerprint never hashes a secret.
 */
public final class Fingerprints {
  private Fingerprints() {
  }

  /** One fingerprint per finding, in the same order; {@code findings} sorted by location. */
  public static List<String> of(List<Finding> findings) {
    Map<String, Integer> occurrences = new HashMap<>();
    List<String> fingerprints = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      String identity = finding.file() + '\n' + finding.rule().id() + '\n' + finding.url();
      int occurrence = occurrences.merge(identity, 1, Integer::sum);
      fingerprints.add(sha256(identity + '\n' + occurrence));
    }
    return fingerprints;
  }

  private static String sha256(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(
          text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
