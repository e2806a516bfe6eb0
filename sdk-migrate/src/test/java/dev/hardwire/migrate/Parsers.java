package dev.hardwire.migrate;

import dev.hardwire.migrate.internal.HardwireTemplates;
import org.openrewrite.java.JavaParser;

/** The parser a user's build would give the recipes: OkHttp and Hardwire on the class path. */
final class Parsers {
  /** {@code sdk-jdk} is not built when these tests run: its API.md signatures stand in for it. */
  private static final String HARDENED_URL_CONNECTION = """
      package dev.hardwire.jdk;
      import dev.hardwire.core.SecurityPolicy;
      import java.io.IOException;
      import java.net.URL;
      import javax.net.ssl.HttpsURLConnection;
      public final class HardenedUrlConnection {
        public static HttpsURLConnection open(URL url, SecurityPolicy policy) throws IOException {
          return null;
        }
      }
      """;

  private Parsers() {
  }

  static JavaParser.Builder<?, ?> withHardwire() {
    return JavaParser.fromJavaVersion()
        .classpath("okhttp-jvm", "kotlin-stdlib", "okio-jvm", "sdk-core", "sdk-okhttp")
        .dependsOn(HardwireTemplates.HARDENED_HTTP_CLIENT, HARDENED_URL_CONNECTION);
  }
}
