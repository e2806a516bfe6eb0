package dev.hardwire.migrate.internal;

import org.openrewrite.java.JavaParser;
import org.openrewrite.java.JavaTemplate;

/**
 * Templates for the code the recipes write. The parser gets stubs of the types that code names, so
 * that it comes out fully typed even though neither OkHttp nor Hardwire is on the recipe's class
 * path; the signatures are those of {@code shared/API.md} (a test checks them against the real
 * classes).
 */
public final class HardwireTemplates {
  static final String SECURITY_POLICY = """
      package dev.hardwire.core;
      public final class SecurityPolicy {
        public static SecurityPolicy strict() { return null; }
        public static Builder builder() { return null; }
        public static final class Builder {
          public Builder minimumTlsVersion(TlsVersion version) { return this; }
          public Builder cleartextMode(CleartextMode mode) { return this; }
          public SecurityPolicy build() { return null; }
        }
      }
      """;
  static final String TLS_VERSION = """
      package dev.hardwire.core;
      public enum TlsVersion { TLS_1_2, TLS_1_3 }
      """;
  static final String CLEARTEXT_MODE = """
      package dev.hardwire.core;
      public enum CleartextMode { REFUSE, UPGRADE }
      """;
  static final String OK_HTTP_CLIENT = """
      package okhttp3;
      public class OkHttpClient {
        public Builder newBuilder() { return null; }
        public static final class Builder {
          public OkHttpClient build() { return null; }
        }
      }
      """;
  static final String HARDENED_OK_HTTP = """
      package dev.hardwire.okhttp;
      import dev.hardwire.core.SecurityPolicy;
      import okhttp3.OkHttpClient;
      public final class HardenedOkHttp {
        public static OkHttpClient newClient(SecurityPolicy policy) { return null; }
        public static OkHttpClient.Builder harden(OkHttpClient.Builder builder, SecurityPolicy policy) { return null; }
      }
      """;
  static final String HARDENED_HTTP_CLIENT = """
      package dev.hardwire.jdk;
      import dev.hardwire.core.SecurityPolicy;
      import java.net.http.HttpClient;
      public final class HardenedHttpClient {
        public static HttpClient newClient(SecurityPolicy policy) { return null; }
        public static HttpClient.Builder newBuilder(SecurityPolicy policy) { return null; }
      }
      """;

  /** Every stub, in the order the parser needs them. */
  static final String[] STUBS = {SECURITY_POLICY, TLS_VERSION, CLEARTEXT_MODE, OK_HTTP_CLIENT,
      HARDENED_OK_HTTP, HARDENED_HTTP_CLIENT};

  private HardwireTemplates() {
  }

  /** A template for {@code code}, whose Hardwire and OkHttp names are fully qualified. */
  public static JavaTemplate template(String code) {
    return JavaTemplate.builder(code)
        .javaParser(JavaParser.fromJavaVersion().dependsOn(STUBS))
        .build();
  }
}
