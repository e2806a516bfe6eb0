package dev.hardwire.samples.demo;

import static dev.hardwire.samples.demo.LoopbackWorld.API;
import static dev.hardwire.samples.demo.LoopbackWorld.CDN;
import static dev.hardwire.samples.demo.LoopbackWorld.LEGACY;
import static dev.hardwire.samples.demo.LoopbackWorld.PINNED;

import dev.hardwire.config.PolicyFileException;
import dev.hardwire.core.SecurityEvent;
import dev.hardwire.core.SecurityPolicy;
import dev.hardwire.core.SecurityTelemetry;
import dev.hardwire.core.TlsVersion;
import dev.hardwire.jdk.HardenedHttpClient;
import dev.hardwire.jdk.HardenedUrlConnection;
import dev.hardwire.micrometer.HardwireMetrics;
import dev.hardwire.okhttp.HardenedOkHttp;
import dev.hardwire.testing.CleartextTrap;
import dev.hardwire.testing.LoopbackServers;
import dev.hardwire.testing.RecordingListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The demo's seven sections, in the order they print. Each one makes real requests through a
 * hardened OkHttp client to {@link LoopbackWorld}'s servers and prints what the caller saw and what
 * each server received.
 */
public final class LoopbackDemo {
  private final Transcript out;
  private final LoopbackWorld world;
  private final Path policyFile;
  private final SecurityPolicy policy;
  private final OkHttpClient client;
  private final RecordingListener events = new RecordingListener();
  private final SecurityTelemetry telemetry = new SecurityTelemetry();
  private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private LoopbackDemo(PrintStream out, LoopbackWorld world, Path policyFile) throws PolicyFileException {
    this.out = new Transcript(out);
    this.world = world;
    this.policyFile = policyFile;
    SecurityPolicy base = DemoPolicy.load(policyFile)
        .trustAnchors(List.of(world.certificateAuthority()))
        .build();
    HardwireMetrics metrics = HardwireMetrics.forPolicy(base);
    metrics.bindTo(prometheus);
    this.policy = base.newBuilder()
        .eventListener(telemetry)
        .eventListener(metrics)
        .eventListener(events)
        .build();
    this.client = clientFor(policy);
  }

  /** Runs every section against a fresh loopback world and prints the transcript to {@code out}. */
  public static void run(Path policyFile, PrintStream out)
      throws IOException, PolicyFileException, InterruptedException {
    try (LoopbackWorld world = LoopbackWorld.start()) {
      LoopbackDemo demo = new LoopbackDemo(out, world, policyFile);
      demo.introduction();
      demo.hardenedRequest();
      demo.cleartextRefused();
      demo.downgradeRedirectRefused();
      demo.tokenStaysHome();
      demo.pinMismatch();
      demo.tls12Server();
      demo.telemetry();
      demo.conclusion();
    }
  }

  private OkHttpClient clientFor(SecurityPolicy policy) {
    return HardenedOkHttp.harden(new OkHttpClient.Builder().dns(world.dns()), policy).build();
  }

  private void introduction() {
    out.title("Hardwire demo");
    out.say("Hardwire sits between your code and the network and refuses what is unsafe before it happens. "
        + "Everything below runs on this machine and needs no internet: four HTTPS servers on 127.0.0.1 "
        + "under made-up names ending in .test, a certificate authority (CA) the demo generated a moment ago, "
        + "and a plain-HTTP listener that counts every connection it receives.");
    out.blank();
    out.fact("policy", policyFile + ", plus the demo's CA as the only trusted root");
    out.fact("client", "OkHttp " + okhttp3.OkHttp.VERSION + ", hardened with HardenedOkHttp.harden(builder, policy)");
  }

  private void hardenedRequest() throws IOException {
    out.section("A normal request, protected by TLS 1.3");
    out.say("TLS is the encryption behind https://. Version 1.3 is the newest; the default policy allows "
        + "nothing older. The server must also prove it is " + API + " with a certificate from a trusted CA.");
    world.server(API).enqueue(LoopbackServers.ok("hello from the API"));
    int mark = events.events().size();
    String url = world.https(API, "/hello");
    try (Response response = client.newCall(get(url)).execute()) {
      out.fact("request", "GET " + url);
      out.fact("answer", response.code() + " \"" + response.body().string() + "\"");
    }
    SecurityEvent tls = first(since(mark), SecurityEvent.Kind.TLS_NEGOTIATED);
    out.fact("TLS version", tls.tlsVersion());
    out.fact("cipher suite", tls.cipherSuite() + " (the encryption used for the data)");
    out.fact("handshake", millis(tls) + " (setting up the encryption; the first in a process is the slowest)");
    out.fact("token", "sent: the policy scopes it to " + API);
  }

  private void cleartextRefused() throws IOException {
    out.section("A plain http:// request is refused before anything is sent");
    out.say("Over http:// anyone on the way can read and change the request, token included. Hardwire "
        + "refuses it before it even looks up the host name, and its event names the line of code that "
        + "made the request, so your logs show where http:// is still used.");
    String url = world.http(API, "/hello");
    out.fact("request", "GET " + url);
    int mark = events.events().size();
    refusal(refusedCall(url));
    out.fact("called from", String.valueOf(first(since(mark), SecurityEvent.Kind.CLEARTEXT_REFUSED).callSite()));
    out.fact("java.net.http", outcome(() -> HardenedHttpClient.newClient(policy)
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())));
    out.fact("HttpsURLConnection", outcome(() -> HardenedUrlConnection.open(new URL(url), policy)));
    cleartextListener();
  }

  private void downgradeRedirectRefused() throws IOException {
    out.section("A redirect from https:// to http:// is refused");
    out.say("The server answers with a redirect to http://, as a misconfigured or hostile server might. "
        + "Following it would send the next request, token included, in the clear.");
    String target = world.http(API, "/login");
    world.server(API).enqueue(LoopbackServers.redirect(302, target));
    String url = world.https(API, "/account");
    out.fact("request", "GET " + url);
    out.fact("server answered", "302, Location: " + target);
    refusal(refusedCall(url));
    cleartextListener();
  }

  private void tokenStaysHome() throws IOException, InterruptedException {
    out.section("A redirect to another host: the token stays home");
    out.say("The API sends a download to another company's server. Hardwire follows the redirect, but "
        + "the token belongs to " + API + " only, and the X-Session-Id header is marked sensitive in the "
        + "policy: neither goes to " + CDN + ".");
    MockWebServer api = world.server(API);
    MockWebServer cdn = world.server(CDN);
    api.enqueue(LoopbackServers.redirect(302, world.https(CDN, "/files/export.csv")));
    cdn.enqueue(LoopbackServers.ok("id,name\n1,demo\n"));
    String url = world.https(API, "/export");
    Request request = new Request.Builder().url(url).header("X-Session-Id", "s-4711").build();
    try (Response response = client.newCall(request).execute()) {
      out.fact("request", "GET " + url + " with X-Session-Id");
      out.fact("answer", response.code() + " from " + response.request().url().host()
          + " (" + response.body().contentLength() + " bytes)");
    }
    received(API, takeLast(api));
    received(CDN, cdn.takeRequest());
  }

  private void pinMismatch() throws IOException {
    out.section("A certificate that does not match the pins");
    out.say("Pinning says: for this host, accept only these keys, even if a trusted CA vouches for "
        + "another one. The policy file pins " + PINNED + " to two keys its server does not have, as if "
        + "an attacker had obtained a valid certificate for the name. The refusal lists the keys the "
        + "server really has.");
    String url = world.https(PINNED, "/");
    out.fact("request", "GET " + url);
    refusal(refusedCall(url));
    out.fact("server received", requests(world.server(PINNED).getRequestCount())
        + ": the connection ended during the handshake");
  }

  private void tls12Server() throws IOException {
    out.section("A server that speaks only TLS 1.2");
    out.say("Older servers may not speak TLS 1.3 yet. The default policy refuses them. A policy can allow "
        + "TLS 1.2, and then only with its modern cipher suites (forward-secret key exchange, "
        + "authenticated encryption).");
    String url = world.https(LEGACY, "/status");
    out.fact("request", "GET " + url);
    IOException refused = refusedCall(url);
    if (refused != null) {
      out.fact("default policy", "refused, " + refused.getClass().getSimpleName());
      out.message("message", refused.getMessage());
    }
    world.server(LEGACY).enqueue(LoopbackServers.ok("legacy ok"));
    SecurityPolicy allowsTls12 = policy.newBuilder().minimumTlsVersion(TlsVersion.TLS_1_2).build();
    int mark = events.events().size();
    try (Response response = clientFor(allowsTls12).newCall(get(url)).execute()) {
      SecurityEvent tls = first(since(mark), SecurityEvent.Kind.TLS_NEGOTIATED);
      out.fact("minimumTlsVersion 1.2", response.code() + " \"" + response.body().string() + "\" over "
          + tls.tlsVersion() + ", " + tls.cipherSuite());
    }
  }

  private void telemetry() {
    out.section("What your monitoring sees");
    out.say("Every decision above was also reported as a SecurityEvent. SecurityTelemetry counts them in "
        + "the process; HardwireMetrics (sdk-micrometer) turns them into metrics for Prometheus, "
        + "OpenTelemetry and other monitoring systems.");
    SecurityTelemetry.Snapshot snapshot = telemetry.snapshot();
    out.fact("requests", snapshot.attempts() + String.format(java.util.Locale.ROOT,
        ", of which %d tried plain http (%.0f%%: the number to drive to zero)",
        snapshot.cleartextAttempts(), 100 * snapshot.cleartextShare()));
    out.fact("TLS versions", counts(snapshot.tlsVersions()) + " (connections used, new and reused)");
    out.fact("failures", counts(snapshot.failures()).replace(", ", "\n"));
    out.blank();
    out.say("The Prometheus scrape for this run (# HELP and # TYPE lines left out):");
    out.verbatim(prometheus.scrape().lines()
        .filter(line -> line.startsWith("hardwire_"))
        .sorted()
        .collect(Collectors.joining("\n")));
  }

  private void conclusion() {
    out.blank();
    out.say("Done. To check a real server with the same policy and the platform's trusted roots: "
        + "./demo --url https://your.server/");
    out.say("To move existing code onto Hardwire: docs/migration/README.md");
  }

  /** Calls {@code url}, which the policy must refuse: the refusal, or null after printing the surprise. */
  private IOException refusedCall(String url) {
    try (Response response = client.newCall(get(url)).execute()) {
      out.fact("answer", "UNEXPECTED: " + response.code());
      return null;
    } catch (IOException refused) {
      return refused;
    }
  }

  private void refusal(IOException refused) {
    if (refused == null) return;
    out.fact("result", "refused, " + refused.getClass().getSimpleName());
    out.message("message", refused.getMessage());
  }

  private void cleartextListener() {
    CleartextTrap listener = world.cleartextListener();
    out.fact("plain-HTTP listener", listener.connections() + " connections, " + listener.bytesReceived()
        + " bytes received");
  }

  private void received(String host, RecordedRequest request) {
    String authorization = request.getHeaders().get("Authorization");
    String session = request.getHeaders().get("X-Session-Id");
    out.fact(host + " got", request.getMethod() + " " + request.getTarget()
        + "\nAuthorization: " + (authorization == null ? "(none)" : redacted(authorization))
        + "\nX-Session-Id:  " + (session == null ? "(none)" : session));
  }

  /** The scheme and length only: the demo's reader learns the token arrived, never the token. */
  private static String redacted(String authorization) {
    int space = authorization.indexOf(' ');
    return authorization.substring(0, space) + " (" + (authorization.length() - space - 1)
        + "-character token, not printed)";
  }

  private static RecordedRequest takeLast(MockWebServer server) throws InterruptedException {
    RecordedRequest last = server.takeRequest();
    for (RecordedRequest next; (next = server.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) != null; ) {
      last = next;
    }
    return last;
  }

  private List<SecurityEvent> since(int mark) {
    List<SecurityEvent> all = events.events();
    return all.subList(mark, all.size());
  }

  private static SecurityEvent first(List<SecurityEvent> events, SecurityEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " event"));
  }

  private static String millis(SecurityEvent tls) {
    return tls.handshakeDuration() == null ? "(reused connection)" : tls.handshakeDuration().toMillis() + " ms";
  }

  private static String requests(int count) {
    return count + (count == 1 ? " request" : " requests");
  }

  private static String counts(Map<String, Long> counts) {
    if (counts.isEmpty()) return "none";
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " x" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).build();
  }

  private interface Attempt {
    Object run() throws Exception;
  }

  private static String outcome(Attempt attempt) {
    try {
      attempt.run();
      return "UNEXPECTED: not refused";
    } catch (IOException refused) {
      return "refused the same way, " + refused.getClass().getSimpleName();
    } catch (Exception e) {
      return "UNEXPECTED: " + e;
    }
  }
}
