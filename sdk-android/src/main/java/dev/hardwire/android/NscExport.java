package dev.hardwire.android;

import dev.hardwire.android.internal.NscCommandLine;
import dev.hardwire.android.internal.NscWriter;
import dev.hardwire.core.SecurityPolicy;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Map;

/**
 * A policy's rules as the app's Network Security Config, so that the platform (and every HTTP
 * stack in the app that obeys NSC) enforces what Hardwire enforces. Run it at build time:
 *
 * <pre>{@code
 * NscExport.of(policy).writeTo(new File("app/src/main/res"));
 * // writes res/xml/network_security_config.xml and res/raw/hardwire_root_N.pem
 * }</pre>
 *
 * and reference the config from {@code AndroidManifest.xml}: {@code <application
 * android:networkSecurityConfig="@xml/network_security_config" ...>}.
 *
 * <p>What is written: {@code cleartextTrafficPermitted="false"} everywhere; the policy's private
 * roots as trust anchors ({@code @raw/hardwire_root_0}, ...), or {@code system} when it has none; one
 * {@code domain-config} with a {@code pin-set} per enforced pin pattern ({@code api.example.com}
 * exactly, {@code **.example.com} with {@code includeSubdomains="true"}; {@code *.example.com},
 * which NSC cannot express, also with {@code includeSubdomains="true"}: wider, never narrower).
 * Pin expiry becomes the NSC expiration date, rounded so that the platform stops enforcing no later
 * than Hardwire in any time zone. Report-only pins are not written: NSC would enforce them. No
 * {@code debug-overrides}: Hardwire's verifier would reject a debugging proxy's CA anyway.
 *
 * <p>Also a command line; see {@link #main}.
 */
public final class NscExport {
  private static final Charset UTF_8 = Charset.forName("UTF-8");

  private final String xml;
  private final Map<String, String> rawResources;

  private NscExport(String xml, Map<String, String> rawResources) {
    this.xml = xml;
    this.rawResources = rawResources;
  }

  /**
   * The export of {@code policy}.
   *
   * @throws IllegalArgumentException if two pinned host patterns map to the same NSC domain (such as
   *     {@code example.com} and {@code **.example.com}); the message says how to merge them
   */
  public static NscExport of(SecurityPolicy policy) {
    if (policy == null) throw new NullPointerException("policy == null");
    return new NscExport(NscWriter.xml(policy), Collections.unmodifiableMap(NscWriter.rawRoots(policy)));
  }

  /** The content of {@code res/xml/network_security_config.xml}. */
  public String xml() {
    return xml;
  }

  /**
   * The PEM files for {@code res/raw}, by resource name without extension (the name the XML
   * references as {@code @raw/NAME}); empty if the policy uses the platform's roots.
   */
  public Map<String, String> rawResources() {
    return rawResources;
  }

  /**
   * Writes {@code xml/network_security_config.xml} and {@code raw/NAME.pem} under {@code
   * resDirectory} (an app module's {@code src/main/res}), replacing earlier exports.
   */
  public void writeTo(File resDirectory) throws IOException {
    write(new File(new File(resDirectory, "xml"), "network_security_config.xml"), xml);
    for (Map.Entry<String, String> raw : rawResources.entrySet()) {
      write(new File(new File(resDirectory, "raw"), raw.getKey() + ".pem"), raw.getValue());
    }
  }

  private static void write(File file, String content) throws IOException {
    File directory = file.getParentFile();
    if (!directory.isDirectory() && !directory.mkdirs()) throw new IOException("Cannot create " + directory);
    try (OutputStream out = new FileOutputStream(file)) {
      out.write(content.getBytes(UTF_8));
    }
  }

  /**
   * The command line, for build scripts. The policy comes from its options (policy files need
   * sdk-config, which this jar does not depend on):
   *
   * <pre>
   * java -cp sdk-android.jar:sdk-core.jar dev.hardwire.android.NscExport \
   *     [--res app/src/main/res]                  (default: print the XML)
   *     [--trust-anchor root.pem]...              (private roots; default: system)
   *     [--pin api.example.com=sha256/AAA=,sha256/BBB=]...
   *     [--pin-expiration api.example.com=2027-01-31T00:00:00Z]...
   * </pre>
   *
   * Exits with status 2 and a usage message on a bad option or policy.
   */
  public static void main(String[] args) throws IOException {
    int status = NscCommandLine.run(args, System.out, System.err);
    if (status != 0) System.exit(status);
  }
}
