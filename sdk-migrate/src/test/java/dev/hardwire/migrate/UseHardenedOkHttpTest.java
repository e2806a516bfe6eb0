package dev.hardwire.migrate;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.java.Assertions.srcTestJava;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class UseHardenedOkHttpTest implements RewriteTest {
  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipe(new UseHardenedOkHttp()).parser(Parsers.withHardwire());
  }

  @Test
  void newClientBecomesHardenedNewClient() {
    rewriteRun(
        java(
            """
            import okhttp3.OkHttpClient;

            class Api {
              final OkHttpClient client = new OkHttpClient();
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.OkHttpClient;

            class Api {
              final OkHttpClient client = HardenedOkHttp.newClient(SecurityPolicy.strict());
            }
            """));
  }

  @Test
  void builderChainIsHardenedJustBeforeBuild() {
    rewriteRun(
        java(
            """
            import java.util.concurrent.TimeUnit;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client() {
                return new OkHttpClient.Builder()
                    .connectTimeout(10, TimeUnit.SECONDS)
                    .retryOnConnectionFailure(false)
                    .build();
              }
            }
            """,
            """
            import java.util.concurrent.TimeUnit;

            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client() {
                return HardenedOkHttp.harden(new OkHttpClient.Builder()
                        .connectTimeout(10, TimeUnit.SECONDS)
                        .retryOnConnectionFailure(false), SecurityPolicy.strict()).build();
              }
            }
            """));
  }

  @Test
  void builderInLocalVariableIsHardenedWhereItIsBuilt() {
    rewriteRun(
        java(
            """
            import okhttp3.Interceptor;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client(Interceptor logging, boolean debug) {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                if (debug) {
                  builder.addInterceptor(logging);
                }
                return builder.build();
              }
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.Interceptor;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client(Interceptor logging, boolean debug) {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                if (debug) {
                  builder.addInterceptor(logging);
                }
                return HardenedOkHttp.harden(builder, SecurityPolicy.strict()).build();
              }
            }
            """));
  }

  @Test
  void policyExpressionOptionNamesTheUsersPolicy() {
    rewriteRun(
        spec -> spec.recipe(new UseHardenedOkHttp("Api.POLICY")),
        java(
            """
            import dev.hardwire.core.SecurityPolicy;
            import okhttp3.OkHttpClient;

            class Api {
              static final SecurityPolicy POLICY = SecurityPolicy.strict();
              final OkHttpClient client = new OkHttpClient();
            }
            """,
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.OkHttpClient;

            class Api {
              static final SecurityPolicy POLICY = SecurityPolicy.strict();
              final OkHttpClient client = HardenedOkHttp.newClient(Api.POLICY);
            }
            """));
  }

  @Test
  void trustAllManagerAndHostnameVerifierAreMarkedAndHardened() {
    rewriteRun(
        java(
            """
            import java.security.cert.X509Certificate;
            import javax.net.ssl.SSLContext;
            import javax.net.ssl.TrustManager;
            import javax.net.ssl.X509TrustManager;
            import okhttp3.OkHttpClient;

            class Insecure {
              OkHttpClient client() throws Exception {
                TrustManager[] trustAllCerts = new TrustManager[] {
                  new X509TrustManager() {
                    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
                    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                  }
                };
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustAllCerts, null);
                return new OkHttpClient.Builder()
                    .sslSocketFactory(context.getSocketFactory(), (X509TrustManager) trustAllCerts[0])
                    .hostnameVerifier((hostname, session) -> true)
                    .build();
              }
            }
            """,
            """
            import java.security.cert.X509Certificate;
            import javax.net.ssl.SSLContext;
            import javax.net.ssl.TrustManager;
            import javax.net.ssl.X509TrustManager;

            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.OkHttpClient;

            class Insecure {
              OkHttpClient client() throws Exception {
                TrustManager[] trustAllCerts = new TrustManager[] {
                  new X509TrustManager() {
                    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}
                    @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                  }
                };
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, trustAllCerts, null);
                return HardenedOkHttp.harden(new OkHttpClient.Builder()
                        ./*~~(%s)~~>*/sslSocketFactory(context.getSocketFactory(), (X509TrustManager) trustAllCerts[0])
                        ./*~~(%s)~~>*/hostnameVerifier((hostname, session) -> true), SecurityPolicy.strict()).build();
              }
            }
            """.formatted(UseHardenedOkHttp.TRUST_ALL_CERTIFICATES,
                UseHardenedOkHttp.TRUST_ALL_HOSTS)));
  }

  @Test
  void namedTrustAllClassIsRecognised() {
    rewriteRun(
        java(
            """
            import java.security.cert.X509Certificate;
            import javax.net.ssl.SSLSocketFactory;
            import javax.net.ssl.X509TrustManager;
            import okhttp3.OkHttpClient;

            class Insecure {
              static final class TrustEveryone implements X509TrustManager {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                  // trust everyone
                }
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
              }

              OkHttpClient client(OkHttpClient base, SSLSocketFactory factory) {
                return base.newBuilder().sslSocketFactory(factory, new TrustEveryone()).build();
              }
            }
            """,
            """
            import java.security.cert.X509Certificate;
            import javax.net.ssl.SSLSocketFactory;
            import javax.net.ssl.X509TrustManager;
            import okhttp3.OkHttpClient;

            class Insecure {
              static final class TrustEveryone implements X509TrustManager {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                  // trust everyone
                }
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
              }

              OkHttpClient client(OkHttpClient base, SSLSocketFactory factory) {
                return base.newBuilder()./*~~(%s)~~>*/sslSocketFactory(factory, new TrustEveryone()).build();
              }
            }
            """.formatted(UseHardenedOkHttp.TRUST_ALL_CERTIFICATES)));
  }

  @Test
  void customHostnameVerifierIsMarkedAsReplaced() {
    rewriteRun(
        java(
            """
            import javax.net.ssl.HostnameVerifier;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client(HostnameVerifier verifier) {
                return new OkHttpClient.Builder().hostnameVerifier(verifier).build();
              }
            }
            """,
            """
            import javax.net.ssl.HostnameVerifier;

            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client(HostnameVerifier verifier) {
                return HardenedOkHttp.harden(new OkHttpClient.Builder()./*~~(%s)~~>*/hostnameVerifier(verifier), SecurityPolicy.strict()).build();
              }
            }
            """.formatted(UseHardenedOkHttp.CUSTOM_HOSTS)));
  }

  @Test
  void builderWithCertificatePinsIsMarkedNotHardened() {
    rewriteRun(
        java(
            """
            import okhttp3.CertificatePinner;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client() {
                CertificatePinner pins = new CertificatePinner.Builder()
                    .add("api.acme.io", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                    .build();
                return new OkHttpClient.Builder().certificatePinner(pins).build();
              }
            }
            """,
            """
            import okhttp3.CertificatePinner;
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient client() {
                CertificatePinner pins = new CertificatePinner.Builder()
                    .add("api.acme.io", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                    .build();
                return new OkHttpClient.Builder()./*~~(%s)~~>*/certificatePinner(pins).build();
              }
            }
            """.formatted(UseHardenedOkHttp.PINNED)));
  }

  @Test
  void builderThatLeavesUnbuiltIsMarked() {
    rewriteRun(
        java(
            """
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient.Builder builder() {
                return new OkHttpClient.Builder().followRedirects(false);
              }
            }
            """,
            """
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient.Builder builder() {
                return /*~~(%s)~~>*/new OkHttpClient.Builder().followRedirects(false);
              }
            }
            """.formatted(UseHardenedOkHttp.UNHARDENED)));
  }

  @Test
  void builderBuiltTwiceIsMarkedNotHardened() {
    rewriteRun(
        java(
            """
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient[] clients() {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                return new OkHttpClient[] {builder.build(), builder.build()};
              }
            }
            """,
            """
            import okhttp3.OkHttpClient;

            class Api {
              OkHttpClient[] clients() {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                return new OkHttpClient[] {builder./*~~(%1$s)~~>*/build(), builder./*~~(%1$s)~~>*/build()};
              }
            }
            """.formatted(UseHardenedOkHttp.BUILT_TWICE)));
  }

  @Test
  void leavesHardenedAndDerivedClientsAlone() {
    rewriteRun(
        java(
            """
            import dev.hardwire.core.SecurityPolicy;
            import dev.hardwire.okhttp.HardenedOkHttp;
            import java.time.Duration;
            import okhttp3.OkHttpClient;

            class Api {
              final SecurityPolicy policy = SecurityPolicy.strict();
              final OkHttpClient client = HardenedOkHttp.newClient(policy);
              final OkHttpClient slow = client.newBuilder().readTimeout(Duration.ofMinutes(1)).build();
              final OkHttpClient tuned = HardenedOkHttp.harden(new OkHttpClient.Builder()
                  .callTimeout(Duration.ofSeconds(5)), policy).build();

              OkHttpClient fromVariable() {
                OkHttpClient.Builder builder = new OkHttpClient.Builder();
                HardenedOkHttp.harden(builder, policy);
                return builder.build();
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
                import okhttp3.OkHttpClient;

                class ApiTest {
                  final OkHttpClient client = new OkHttpClient();
                }
                """)));
  }
}
