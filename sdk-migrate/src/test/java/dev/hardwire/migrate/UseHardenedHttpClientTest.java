package dev.hardwire.migrate;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.java.Assertions.srcTestJava;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class UseHardenedHttpClientTest implements RewriteTest {
  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipe(new UseHardenedHttpClient()).parser(Parsers.withHardwire());
  }

  @Test
  void newHttpClientBecomesHardenedNewClient() {
    rewriteRun(
        java(
            """
            import java.net.http.HttpClient;

            class Api {
              final HttpClient client = HttpClient.newHttpClient();
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.jdk.HardenedHttpClient;

            import java.net.http.HttpClient;

            class Api {
              final HttpClient client = HardenedHttpClient.newClient(SecurityPolicy.strict());
            }
            """));
  }

  @Test
  void newBuilderBecomesHardenedNewBuilder() {
    rewriteRun(
        java(
            """
            import java.net.http.HttpClient;
            import java.time.Duration;

            class Api {
              HttpClient client() {
                return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
              }
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.jdk.HardenedHttpClient;

            import java.net.http.HttpClient;
            import java.time.Duration;

            class Api {
              HttpClient client() {
                return HardenedHttpClient.newBuilder(SecurityPolicy.strict())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
              }
            }
            """));
  }

  @Test
  void policyExpressionOptionNamesTheUsersPolicy() {
    rewriteRun(
        spec -> spec.recipe(new UseHardenedHttpClient(
            "dev.hardwire.core.SecurityPolicy.builder()"
                + ".minimumTlsVersion(dev.hardwire.core.TlsVersion.TLS_1_2).build()")),
        java(
            """
            import java.net.http.HttpClient;

            class Api {
              final HttpClient client = HttpClient.newHttpClient();
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.core.TlsVersion;
            import dev.hardwire.jdk.HardenedHttpClient;

            import java.net.http.HttpClient;

            class Api {
              final HttpClient client = HardenedHttpClient.newClient(SecurityPolicy.builder().minimumTlsVersion(TlsVersion.TLS_1_2).build());
            }
            """));
  }

  @Test
  void builderWithOwnSslContextIsMarkedNotHardened() {
    rewriteRun(
        java(
            """
            import java.net.http.HttpClient;
            import javax.net.ssl.SSLContext;

            class Api {
              HttpClient inline(SSLContext context) {
                return HttpClient.newBuilder().sslContext(context).build();
              }

              HttpClient throughVariable(SSLContext context) {
                HttpClient.Builder builder = HttpClient.newBuilder();
                builder.sslContext(context);
                return builder.build();
              }
            }
            """,
            """
            import java.net.http.HttpClient;
            import javax.net.ssl.SSLContext;

            class Api {
              HttpClient inline(SSLContext context) {
                return HttpClient.newBuilder()./*~~(%1$s)~~>*/sslContext(context).build();
              }

              HttpClient throughVariable(SSLContext context) {
                HttpClient.Builder builder = HttpClient.newBuilder();
                builder./*~~(%1$s)~~>*/sslContext(context);
                return builder.build();
              }
            }
            """.formatted(UseHardenedHttpClient.SSL_CONTEXT_REFUSED)));
  }

  @Test
  void urlConnectionOpeningsAreMarked() {
    rewriteRun(
        java(
            """
            import java.io.IOException;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import javax.net.ssl.HttpsURLConnection;

            class Api {
              HttpURLConnection plain(URL url) throws IOException {
                return (HttpURLConnection) url.openConnection();
              }

              HttpsURLConnection secure(URL url) throws IOException {
                HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
                return connection;
              }
            }
            """,
            """
            import java.io.IOException;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import javax.net.ssl.HttpsURLConnection;

            class Api {
              HttpURLConnection plain(URL url) throws IOException {
                return /*~~(%1$s)~~>*/(HttpURLConnection) url.openConnection();
              }

              HttpsURLConnection secure(URL url) throws IOException {
                HttpsURLConnection connection = /*~~(%1$s)~~>*/(HttpsURLConnection) url.openConnection();
                return connection;
              }
            }
            """.formatted(UseHardenedHttpClient.URL_CONNECTION)));
  }

  @Test
  void leavesHardenedClientsAndOtherConnectionsAlone() {
    rewriteRun(
        java(
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.jdk.HardenedHttpClient;
            import dev.hardwire.jdk.HardenedUrlConnection;
            import java.io.IOException;
            import java.net.URL;
            import java.net.URLConnection;
            import java.net.http.HttpClient;
            import javax.net.ssl.HttpsURLConnection;

            class Api {
              final SecurityPolicy policy = SecurityPolicy.strict();
              final HttpClient client = HardenedHttpClient.newBuilder(policy).build();

              HttpsURLConnection secure(URL url) throws IOException {
                return HardenedUrlConnection.open(url, policy);
              }

              URLConnection resource(URL jarEntry) throws IOException {
                return jarEntry.openConnection();
              }
            }
            """));
  }

  @Test
  void leavesTestSourcesAlone() {
    rewriteRun(
        srcTestJava(
            java(
                """
                import java.net.http.HttpClient;

                class ApiTest {
                  final HttpClient client = HttpClient.newHttpClient();
                }
                """)));
  }
}
