package dev.hardwire.samples.demo;

import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.RecordingListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The verification step, {@code ./demo --url https://...}: the URL must succeed over https with the
 * policy, and the same URL with {@code http://} must fail before any DNS lookup or connection.
 */
public final class UrlCheck {
  private final Transcript out;
  private final SecurityPolicy policy;
  private final RecordingListener events = new RecordingListener();
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();

  private UrlCheck(PrintStream out, SecurityPolicy policy) {
    this.out = new Transcript(out);
    this.policy = policy.newBuilder().eventListener(events).build();
  }

  /**
   * Checks {@code url} ({@code https://} or {@code http://}, either way both are tried) and prints
   * what happened; true if https succeeded and http was refused without touching the network.
   */
  public static boolean run(String url, SecurityPolicy policy, String policySource, PrintStream out) {
    int roots = policy.trustAnchors().size();
    String trust = roots == 0 ? "the platform's trusted roots"
        : roots + (roots == 1 ? " trusted root" : " trusted roots") + " of its own (trustAnchors)";
    return new UrlCheck(out, policy).check(url, policySource + ", " + trust);
  }

  private boolean check(String url, String policyDescription) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      out.say("Not a URL this check understands: " + url + ". Give an https:// URL, such as "
          + "./demo --url https://example.com/");
      return false;
    }
    HttpUrl https = parsed.newBuilder().scheme("https").build();
    HttpUrl http = parsed.newBuilder().scheme("http").build();
    OkHttpClient client = HardenedOkHttp.harden(new OkHttpClient.Builder()
        .eventListener(new NetworkCounter())
        .callTimeout(30, TimeUnit.SECONDS), policy).build();

    out.title("Hardwire check of " + https.host());
    out.fact("policy", policyDescription);
    out.section("The https:// URL must work");
    boolean httpsWorks = fetch(client, https);
    out.section("The same URL with http:// must be refused before any connection");
    boolean httpRefused = refused(client, http);
    out.blank();
    if (!httpsWorks) out.say("FAIL: the https:// URL did not work with this policy (see 1).");
    if (!httpRefused) out.say("FAIL: the http:// URL was not refused before reaching the network (see 2).");
    if (httpsWorks && httpRefused) {
      out.say("PASS: " + https.host() + " works over https:// with this policy, and http:// is refused "
          + "before anything leaves this machine.");
    }
    return httpsWorks && httpRefused;
  }

  private boolean fetch(OkHttpClient client, HttpUrl url) {
    out.fact("request", "GET " + url.newBuilder().query(null).build());
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      out.fact("answer", response.code() + " " + response.message());
      SecurityEvent tls = events.events(SecurityEvent.Kind.TLS_NEGOTIATED).get(0);
      out.fact("TLS version", tls.tlsVersion());
      out.fact("cipher suite", tls.cipherSuite());
      if (tls.handshakeDuration() != null) {
        out.fact("handshake", tls.handshakeDuration().toMillis() + " ms");
      }
      List<java.security.cert.Certificate> chain = response.handshake().peerCertificates();
      X509Certificate leaf = (X509Certificate) chain.get(0);
      out.message("certificate", leaf.getSubjectX500Principal().getName() + ", issued by "
          + leaf.getIssuerX500Principal().getName() + ", valid until " + leaf.getNotAfter().toInstant());
      out.fact("result", "OK: the server's certificate chain, name and TLS settings passed the policy");
      return true;
    } catch (UnknownHostException e) {
      out.message("result", "FAILED: could not look up " + url.host() + ". This machine may have no network "
          + "or no DNS. The demo without --url needs neither.");
    } catch (ConnectException | NoRouteToHostException e) {
      out.message("result", "FAILED: could not connect to " + url.host() + ":" + url.port() + ". Is the "
          + "server up, and is this machine connected to a network that reaches it?");
    } catch (InterruptedIOException e) {
      out.message("result", "FAILED: no answer from " + url.host() + ":" + url.port() + " in time. "
          + "A firewall or an offline network often looks like this.");
    } catch (IOException e) {
      out.message("result", "REFUSED by the policy: " + e.getMessage());
    }
    return false;
  }

  private boolean refused(OkHttpClient client, HttpUrl url) {
    out.fact("request", "GET " + url.newBuilder().query(null).build());
    int lookupsBefore = lookups.get();
    int connectionsBefore = connections.get();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      out.fact("result", "FAILED: the request was sent in cleartext and got " + response.code());
      return false;
    } catch (IOException e) {
      out.fact("result", "refused, " + e.getClass().getSimpleName());
      out.message("message", e.getMessage());
    }
    int newLookups = lookups.get() - lookupsBefore;
    int newConnections = connections.get() - connectionsBefore;
    out.fact("network", newLookups + " DNS lookups, " + newConnections + " connections");
    return newLookups == 0 && newConnections == 0;
  }

  /** Counts what OkHttp does on the network, as its own event callbacks report it. */
  private final class NetworkCounter extends EventListener {
    @Override
    public void dnsStart(Call call, String domainName) {
      lookups.incrementAndGet();
    }

    @Override
    public void connectStart(Call call, java.net.InetSocketAddress address, Proxy proxy) {
      connections.incrementAndGet();
    }
  }
}
