package dev.hardwire.audit.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code check URL}: what an endpoint offers over https (each TLS version separately, the
 * negotiated suite, the chain against the platform roots or given anchors, days to expiry,
 * HSTS) and what its http twin does. The only cleartext sent is one {@code HEAD} for the named
 * host and path, without query or credentials, and no redirect is followed.
 */
public final class EndpointChecker {
  private static final int EXPIRY_WARNING_DAYS = 30;

  private final Path anchorsPem;
  private final TlsProbe probe;
  private final int timeoutMillis;
  private final Clock clock;

  /**
   * @param anchorsPem CA certificates to trust instead of the platform roots, or null
   * @param timeout for each connection and read
   */
  public EndpointChecker(Path anchorsPem, Duration timeout, Clock clock)
      throws IOException, GeneralSecurityException {
    this.anchorsPem = anchorsPem;
    this.timeoutMillis = (int) timeout.toMillis();
    this.probe = new TlsProbe(anchorsPem == null ? null : Anchors.read(anchorsPem), timeoutMillis);
    this.clock = clock;
  }

  /**
   * Checks one endpoint.
   *
   * @param url {@code https://host[:port]/path}, {@code http://...} or {@code host[:port]}
   * @param httpsPort the https port when {@code url} names http (normally 443)
   * @param httpPort the http port when {@code url} names https or no scheme (normally 80)
   * @throws IllegalArgumentException if {@code url} is not a URL; the message says how to write it
   */
  public CheckResult check(String url, int httpsPort, int httpPort) {
    Target target = Target.parse(url, httpsPort, httpPort);
    List<Problem> findings = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    Map<String, String> versions = new LinkedHashMap<>(
        LegacyTlsProbe.run(target.host(), target.httpsPort(), anchorsPem, timeoutMillis));
    for (String version : List.of("TLSv1.2", "TLSv1.3")) {
      Handshake handshake = probe.handshake(target.host(), target.httpsPort(), version);
      versions.put(version, handshake.offered() && version.equals(handshake.protocol())
          ? "offered " + handshake.cipherSuite() : "not offered");
    }
    for (String legacy : LegacyTlsProbe.VERSIONS) {
      if (versions.get(legacy).startsWith("offered")) {
        findings.add(new Problem(true, legacy + " is offered: disable TLS 1.0 and 1.1 on the"
            + " server; clients that still use them are exposed to downgrade attacks"));
      }
    }
    Handshake main = probe.handshake(target.host(), target.httpsPort(), "TLSv1.3", "TLSv1.2");
    String negotiated = main.offered() ? main.protocol() + " " + main.cipherSuite() : null;
    Long days = null;
    String hsts = null;
    if (!main.offered()) {
      findings.add(new Problem(true, "https is not available on port " + target.httpsPort()
          + " (" + main.failure() + "): serve TLS 1.2 or 1.3 there"));
    } else {
      days = daysUntilExpiry(main.chain());
      if (!main.trusted()) {
        findings.add(new Problem(true, "the certificate chain is not trusted ("
            + main.trustProblem() + "): serve a chain to a public root for this host name"));
      } else {
        hsts = hsts(target, warnings);
      }
      if (days != null && days < 0) {
        findings.add(new Problem(true, "the certificate expired " + -days + " days ago"));
      } else if (days != null && days < EXPIRY_WARNING_DAYS) {
        warnings.add(new Problem(false, "the certificate expires in " + days + " days: renew it"));
      }
    }
    String cleartext = cleartext(target, findings, warnings);
    List<Problem> problems = new ArrayList<>(findings);
    problems.addAll(warnings);
    return new CheckResult(target.display(), versions, negotiated, main.trustProblem(), days,
        hsts, cleartext, problems);
  }

  private Long daysUntilExpiry(List<X509Certificate> chain) {
    if (chain.isEmpty()) {
      return null;
    }
    return Duration.between(clock.instant(), chain.get(0).getNotAfter().toInstant()).toDays();
  }

  private String hsts(Target target, List<Problem> warnings) {
    try {
      String header = probe.hsts(target.host(), target.httpsPort(), target.path());
      if (header == null) {
        warnings.add(new Problem(false, "no Strict-Transport-Security header: add"
            + " 'Strict-Transport-Security: max-age=31536000' so browsers never try http"));
      }
      return header;
    } catch (IOException | GeneralSecurityException e) {
      warnings.add(new Problem(false, "could not read the https response (" + e.getMessage()
          + ") to look for HSTS"));
      return null;
    }
  }

  private String cleartext(Target target, List<Problem> findings, List<Problem> warnings) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.host(), target.httpPort()), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      HttpHead head = HttpHead.exchange(socket, target.host(), target.httpPort(), 80,
          target.path());
      String location = head.header("location");
      if (head.status >= 300 && head.status < 400 && location != null) {
        if (location.toLowerCase(Locale.ROOT).startsWith("https://")) {
          warnings.add(new Problem(false, "http:// redirects to https: a client that sends a"
              + " token to http:// has leaked it before the redirect; keep clients on https://"
              + " and consider refusing port " + target.httpPort()));
          return "redirects to https";
        }
        findings.add(new Problem(true, "http:// redirects to another cleartext URL: redirect"
            + " to https://, or close port " + target.httpPort()));
        return "redirects to http";
      }
      findings.add(new Problem(true, "http:// serves content (status " + head.status + "):"
          + " redirect it to https:// or close port " + target.httpPort()));
      return "serves content (" + head.status + ")";
    } catch (ConnectException e) {
      return "refused";
    } catch (SocketTimeoutException e) {
      return "no answer";
    } catch (IOException e) {
      return "no answer (" + e.getMessage() + ")";
    }
  }
}
