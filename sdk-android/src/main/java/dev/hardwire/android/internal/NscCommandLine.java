package dev.hardwire.android.internal;

import dev.hardwire.android.NscExport;
import dev.hardwire.core.SecurityPolicy;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@link NscExport#main}: options to policy, policy to files or standard output. */
public final class NscCommandLine {
  static final String USAGE = "usage: NscExport [--res DIR] [--trust-anchor FILE.pem]... [--pin PATTERN=PIN[,PIN...]]..."
      + " [--pin-expiration PATTERN=INSTANT]...";

  private NscCommandLine() {
  }

  /** Runs the command; returns the exit status it reported (0 or 2). */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    File res = null;
    SecurityPolicy.Builder policy = SecurityPolicy.builder();
    List<X509Certificate> anchors = new ArrayList<>();
    List<String[]> expirations = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 == args.length) throw new IllegalArgumentException(option + " needs a value");
        String value = args[++i];
        switch (option) {
          case "--res":
            res = new File(value);
            break;
          case "--trust-anchor":
            anchors.addAll(readCertificates(new File(value)));
            break;
          case "--pin":
            String[] pin = keyValue(option, value);
            policy.pin(pin[0], pin[1].split(","));
            break;
          case "--pin-expiration":
            expirations.add(keyValue(option, value));
            break;
          default:
            throw new IllegalArgumentException("unknown option " + option);
        }
      }
      // Expirations after pins: the builder accepts an expiry only for a pattern it already knows.
      for (String[] expiration : expirations) policy.pinExpiration(expiration[0], Instant.parse(expiration[1]));
      if (!anchors.isEmpty()) policy.trustAnchors(anchors);
      NscExport export = NscExport.of(policy.build());
      if (res == null) {
        out.print(export.xml());
      } else {
        export.writeTo(res);
        out.println("Wrote " + new File(res, "xml/network_security_config.xml") + " and "
            + export.rawResources().size() + " file(s) in " + new File(res, "raw"));
      }
      return 0;
    } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException | CertificateException e) {
      err.println("NscExport: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
  }

  private static String[] keyValue(String option, String value) {
    int equals = value.indexOf('=');
    if (equals <= 0) throw new IllegalArgumentException(option + " takes PATTERN=VALUE, not '" + value + "'");
    return new String[] {value.substring(0, equals), value.substring(equals + 1)};
  }

  private static List<X509Certificate> readCertificates(File file) throws IOException, CertificateException {
    List<X509Certificate> result = new ArrayList<>();
    try (InputStream in = new FileInputStream(file)) {
      for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        result.add((X509Certificate) certificate);
      }
    }
    if (result.isEmpty()) throw new IllegalArgumentException(file + " holds no certificate");
    return result;
  }
}
