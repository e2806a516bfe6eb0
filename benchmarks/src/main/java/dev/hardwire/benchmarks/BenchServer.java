package dev.hardwire.benchmarks;

import dev.hardwire.testing.TestPki.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import okhttp3.tls.Certificates;

/**
 * The server for {@link ColdStart}: an HTTPS loopback server (EC chain) that writes its root
 * certificate to {@code DIR/root.pem} and its port to {@code DIR/port}, then serves for at most
 * {@code SECONDS} and exits.
 *
 * <pre>java -cp benchmarks.jar dev.hardwire.benchmarks.BenchServer DIR SECONDS</pre>
 */
public final class BenchServer {
  private BenchServer() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BenchServer DIR SECONDS");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    long seconds = Long.parseLong(args[1]);
    Pki pki = Pki.of(KeyType.EC_P256);
    try (LoopbackServer server = LoopbackServer.tls(pki.serverContext, null, LoopbackServer::http)) {
      Files.write(dir.resolve("root.pem"), Certificates.certificatePem(pki.root()).getBytes(StandardCharsets.US_ASCII));
      // Written last: its presence tells the caller the server is ready.
      Files.write(dir.resolve("port"), String.valueOf(server.port()).getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(seconds * 1000);
    }
  }
}
