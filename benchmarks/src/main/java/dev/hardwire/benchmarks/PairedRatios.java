package dev.hardwire.benchmarks;

import dev.hardwire.core.TlsProvider;
import dev.hardwire.testing.TestPki.KeyType;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Hardened/raw ratios measured as interleaved A/B rounds, for a machine whose load changes while
 * it measures (this one is shared). JMH runs each variant in its own fork, minutes apart, so a
 * build that starts on another core between them moves the ratio more than Hardwire does. Here
 * every round times a batch of each variant back to back, in alternating order, and the ratio is
 * taken within the round; the result is the median of the rounds' ratios with a bootstrap 95%
 * interval. The same operations as the JMH benchmarks, in one JVM per case set.
 *
 * <p>Each batch is also measured in CPU time ({@code cpuRatios}): a loopback request's wall time
 * is mostly thread wake-ups whose latency moves with where the scheduler puts the threads, while
 * the CPU time its threads spend (the caller's, the client library's, the server's in the same
 * JVM; not GC's) is what Hardwire can add to. The process's own CPU clock ticks in 10 ms here, so
 * it is the sum of every Java thread's, which the JVM reads in nanoseconds.
 *
 * <pre>java -cp benchmarks.jar dev.hardwire.benchmarks.PairedRatios ROUNDS OUT.json [quick|handshakes|requests]</pre>
 *
 * <p>{@code quick}: EC chains and TLS 1.3 only, short warm-ups (a smoke check); {@code handshakes}:
 * the in-memory handshakes only (for measuring a change to the verifier); {@code requests}: the
 * pooled and new-connection requests only (for measuring a change to an adapter).
 */
public final class PairedRatios {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static long warmupNanos = 2_000_000_000L;
  private static long batchNanos = 50_000_000L;

  /** One operation of a variant, as its benchmark runs it. */
  interface Op {
    void run() throws Exception;
  }

  private PairedRatios() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    String scope = args.length > 2 ? args[2] : "all";
    boolean quick = scope.equals("quick");
    if (quick) {
      warmupNanos /= 4;
      batchNanos /= 2;
    }
    List<String> json = new ArrayList<>();
    for (KeyType key : scope.equals("requests") ? new KeyType[0] : quick ? new KeyType[] {KeyType.EC_P256} : KeyType.values()) {
      for (TlsProvider provider : TlsProvider.values()) {
        for (String protocol : quick ? new String[] {"TLSv1.3"} : new String[] {"TLSv1.3", "TLSv1.2"}) {
          try {
            json.add(engineHandshake(rounds, key, provider, protocol));
          } catch (javax.net.ssl.SSLException e) {
            // A combination the provider cannot negotiate (HandshakeFacts and RESULTS.md say which).
            System.err.println("skipped " + key + " " + provider + " " + protocol + ": " + e);
          }
        }
      }
    }
    if (scope.equals("handshakes")) {
      write(args[1], json);
      return;
    }
    for (String library : new String[] {"okhttp", "jdk"}) {
      for (String body : new String[] {"small", "1m"}) {
        json.add(pooledRequest(rounds, library, body));
      }
    }
    for (String server : new String[] {"boringssl", "jdk"}) json.add(newConnection(rounds, server));
    write(args[1], json);
  }

  private static void write(String path, List<String> cases) throws Exception {
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(path)))) {
      out.println("[\n" + String.join(",\n", cases) + "\n]");
    }
    // OkHttp's and java.net.http's idle threads would keep the JVM up a while.
    System.exit(0);
  }

  private static String engineHandshake(int rounds, KeyType key, TlsProvider provider, String protocol)
      throws Exception {
    Pki pki = Pki.of(key);
    Map<String, Op> variants = new LinkedHashMap<>();
    for (String client : new String[] {"raw", "hardened", "pinned"}) {
      Handshakes handshakes = new Handshakes(pki, ClientTls.of(client, pki, provider, protocol), protocol);
      variants.put(client, handshakes::full);
    }
    return measure("EngineHandshakeBenchmark.handshake",
        params("key", key.name(), "protocol", protocol, "provider", provider.name()), variants, rounds);
  }

  private static String pooledRequest(int rounds, String library, String body) throws Exception {
    Map<String, Op> variants = new LinkedHashMap<>();
    List<PooledRequestBenchmark.Clients> states = new ArrayList<>();
    for (String client : new String[] {"raw", "hardened"}) {
      PooledRequestBenchmark.Clients state = new PooledRequestBenchmark.Clients();
      state.library = library;
      state.body = body;
      state.client = client;
      state.setUp();
      states.add(state);
      variants.put(client, () -> PooledRequestBenchmark.send(state));
    }
    try {
      return measure("PooledRequestBenchmark.request", params("body", body, "library", library), variants, rounds);
    } finally {
      for (PooledRequestBenchmark.Clients state : states) state.tearDown();
    }
  }

  private static String newConnection(int rounds, String server) throws Exception {
    Map<String, Op> variants = new LinkedHashMap<>();
    List<NewConnectionBenchmark> states = new ArrayList<>();
    for (String stack : new String[] {"raw", "raw-nodelay", "hardened", "recommended"}) {
      NewConnectionBenchmark state = new NewConnectionBenchmark();
      state.stack = stack;
      state.server = server;
      state.setUp();
      states.add(state);
      variants.put(stack, state::request);
    }
    try {
      return measure("NewConnectionBenchmark.request", params("server", server), variants, rounds);
    } finally {
      for (NewConnectionBenchmark state : states) state.tearDown();
    }
  }

  private static Map<String, String> params(String... keysAndValues) {
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) result.put(keysAndValues[i], keysAndValues[i + 1]);
    return result;
  }

  /** Warms every variant up, then times {@code rounds} rounds of one batch per variant. */
  private static String measure(String benchmark, Map<String, String> params, Map<String, Op> variants, int rounds)
      throws Exception {
    List<String> names = new ArrayList<>(variants.keySet());
    int[] batch = new int[names.size()];
    for (int v = 0; v < names.size(); v++) {
      double nanosPerOp = warmUp(variants.get(names.get(v)));
      batch[v] = (int) Math.max(1, Math.min(100_000, batchNanos / nanosPerOp));
    }
    double[][] perOp = new double[names.size()][rounds];
    double[][] cpuPerOp = new double[names.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < names.size(); i++) {
        int v = r % 2 == 0 ? i : names.size() - 1 - i;
        Op op = variants.get(names.get(v));
        long cpuStart = javaThreadsCpuNanos();
        long start = System.nanoTime();
        for (int n = 0; n < batch[v]; n++) op.run();
        perOp[v][r] = (System.nanoTime() - start) / 1e3 / batch[v];
        cpuPerOp[v][r] = (javaThreadsCpuNanos() - cpuStart) / 1e3 / batch[v];
      }
    }
    StringBuilder json = new StringBuilder("  {\"benchmark\": \"").append(benchmark).append("\", \"params\": {");
    boolean first = true;
    for (Map.Entry<String, String> param : params.entrySet()) {
      json.append(first ? "" : ", ").append('"').append(param.getKey()).append("\": \"").append(param.getValue()).append('"');
      first = false;
    }
    json.append("}, \"rounds\": ").append(rounds)
        .append(", \"medianMicros\": ").append(medians(names, perOp))
        .append(", \"medianCpuMicros\": ").append(medians(names, cpuPerOp))
        .append(", \"ratios\": ").append(ratios(names, perOp))
        .append(", \"cpuRatios\": ").append(ratios(names, cpuPerOp))
        .append('}');
    System.err.println(json);
    return json.toString();
  }

  private static long javaThreadsCpuNanos() {
    long total = 0;
    for (long id : THREADS.getAllThreadIds()) total += Math.max(0, THREADS.getThreadCpuTime(id));
    return total;
  }

  private static String medians(List<String> names, double[][] perOp) {
    StringBuilder json = new StringBuilder("{");
    for (int v = 0; v < names.size(); v++) {
      json.append(v == 0 ? "" : ", ").append('"').append(names.get(v)).append("\": ")
          .append(String.format(Locale.ROOT, "%.3f", median(perOp[v])));
    }
    return json.append('}').toString();
  }

  /** Every pair's ratio a/b: the median over the rounds, with its bootstrap interval. */
  private static String ratios(List<String> names, double[][] perOp) {
    StringBuilder json = new StringBuilder("[");
    int rounds = perOp[0].length;
    for (int a = 0; a < names.size(); a++) {
      for (int b = 0; b < names.size(); b++) {
        if (a == b) continue;
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) ratios[r] = perOp[a][r] / perOp[b][r];
        double[] interval = bootstrapMedianInterval(ratios);
        json.append(json.length() == 1 ? "" : ", ").append(String.format(Locale.ROOT,
            "{\"a\": \"%s\", \"b\": \"%s\", \"median\": %.4f, \"low\": %.4f, \"high\": %.4f}",
            names.get(a), names.get(b), median(ratios), interval[0], interval[1]));
      }
    }
    return json.append(']').toString();
  }

  /** Runs {@code op} for the warm-up time and returns its speed over the second half, in nanoseconds per operation. */
  private static double warmUp(Op op) throws Exception {
    long start = System.nanoTime();
    long halfStart = 0;
    int halfCount = 0;
    int count = 0;
    long now = start;
    while (now - start < warmupNanos || count - halfCount < 3) {
      op.run();
      count++;
      now = System.nanoTime();
      if (halfStart == 0 && now - start >= warmupNanos / 2) {
        halfStart = now;
        halfCount = count;
      }
    }
    return (now - halfStart) / (double) (count - halfCount);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** A percentile bootstrap 95% interval of the median (fixed seed: the same data, the same interval). */
  static double[] bootstrapMedianInterval(double[] values) {
    Random random = new Random(42);
    int resamples = 2000;
    double[] medians = new double[resamples];
    double[] sample = new double[values.length];
    for (int i = 0; i < resamples; i++) {
      for (int j = 0; j < values.length; j++) sample[j] = values[random.nextInt(values.length)];
      medians[i] = median(sample);
    }
    Arrays.sort(medians);
    return new double[] {medians[(int) (resamples * 0.025)], medians[(int) (resamples * 0.975) - 1]};
  }
}
