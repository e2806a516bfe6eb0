package dev.hardwire.migrate;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.java.Assertions.srcTestJava;

import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class UseHttpsLiteralsTest implements RewriteTest {
  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipe(new UseHttpsLiterals());
  }

  @Test
  void publicEndpointsBecomeHttps() {
    rewriteRun(
        java(
            """
            import java.net.URI;

            class Endpoints {
              static final String API = "http://api.acme.io/v1/items?page=1";
              static final String DEFAULT_PORT = "http://api.acme.io:80/v1";
              static final String SOCKET = "ws://stream.acme.io/live";
              static final String UPPER = "HTTP://API.ACME.IO/";
              static final String JOINED = "http://api.acme.io/users/" + 42;
              final URI uri = URI.create("http://api.acme.io/health");
            }
            """,
            """
            import java.net.URI;

            class Endpoints {
              static final String API = "https://api.acme.io/v1/items?page=1";
              static final String DEFAULT_PORT = "https://api.acme.io/v1";
              static final String SOCKET = "wss://stream.acme.io/live";
              static final String UPPER = "HTTPS://API.ACME.IO/";
              static final String JOINED = "https://api.acme.io/users/" + 42;
              final URI uri = URI.create("https://api.acme.io/health");
            }
            """));
  }

  @Test
  void identifiersAndDocumentationLinksStay() {
    rewriteRun(
        java(
            """
            import javax.xml.namespace.QName;

            class Xml {
              static final String SVG = "http://www.w3.org/2000/svg";
              static final String LICENSE = "http://www.apache.org/licenses/LICENSE-2.0";
              static final String POM = "http://maven.apache.org/POM/4.0.0";
              static final String SCHEMA = "http://acme.io/schemas/orders.xsd";
              static final String NAMESPACE = "http://acme.io/ns/orders";
              static final String HOMEPAGE = "http://acme.io/";
              final QName name = new QName("http://acme.io/ns/orders", "order");
              static final String SENTENCE = "http://acme.io/docs explains how to set this up";
            }
            """));
  }

  @Test
  void loopbackAndExampleHostsStay() {
    rewriteRun(
        java(
            """
            class Local {
              static final String LOCALHOST = "http://localhost:8080/api";
              static final String LOOPBACK = "http://127.0.0.1/api";
              static final String IPV6 = "http://[::1]:9000/";
              static final String SUBDOMAIN = "http://app.localhost/";
              static final String EXAMPLE = "http://api.example.com/v1";
              static final String EXAMPLE_NET = "http://example.net/";
              static final String TEST_TLD = "http://service.test/";
              static final String INVALID_TLD = "http://nowhere.invalid/";
              static final String EXAMPLE_TLD = "http://docs.example/";
              static final String ALREADY = "https://api.acme.io/";
              static final String PREFIX = "http://";
            }
            """));
  }

  @Test
  void endpointsNoToolCanUpgradeAreMarked() {
    rewriteRun(
        java(
            """
            class Internal {
              static final String SERVICE = "http://billing.internal/charge";
              static final String CUSTOM_PORT = "http://api.acme.io:8080/";
              static final String PRIVATE = "http://10.1.2.3/";
              static final String TEMPLATE = "http://%s/api";
            }
            """,
            """
            class Internal {
              static final String SERVICE = /*~~(%1$s)~~>*/"http://billing.internal/charge";
              static final String CUSTOM_PORT = /*~~(%1$s)~~>*/"http://api.acme.io:8080/";
              static final String PRIVATE = /*~~(%1$s)~~>*/"http://10.1.2.3/";
              static final String TEMPLATE = /*~~(%1$s)~~>*/"http://%%s/api";
            }
            """.formatted(UseHttpsLiterals.REVIEW)));
  }

  @Test
  void annotationAttributeNamedNamespaceStays() {
    rewriteRun(
        java(
            """
            @interface Schema {
              String namespace();
              String endpoint() default "";
            }

            @Schema(namespace = "http://acme.io/orders", endpoint = "http://api.acme.io/orders")
            class Order {
            }
            """,
            """
            @interface Schema {
              String namespace();
              String endpoint() default "";
            }

            @Schema(namespace = "http://acme.io/orders", endpoint = "https://api.acme.io/orders")
            class Order {
            }
            """));
  }

  @Test
  void commentsAndTestSourcesStay() {
    rewriteRun(
        java(
            """
            class Documented {
              // Mirrors http://api.acme.io/v1, see http://acme.io/docs
              static final int RETRIES = 3;
            }
            """),
        srcTestJava(
            java(
                """
                class EndpointsTest {
                  static final String API = "http://api.acme.io/v1";
                }
                """)));
  }
}
