package dev.hardwire.migrate;

import static org.openrewrite.java.Assertions.java;
import static org.openrewrite.java.Assertions.mavenProject;
import static org.openrewrite.java.Assertions.srcMainJava;
import static org.openrewrite.maven.Assertions.pomXml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.maven.MavenExecutionContextView;
import org.openrewrite.maven.tree.MavenRepository;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;
import org.openrewrite.test.SourceSpecs;

class MigrateToHardwireTest implements RewriteTest {
  @TempDir
  Path localRepository;

  @Override
  public void defaults(RecipeSpec spec) {
    spec.recipeFromResources("dev.hardwire.migrate.MigrateToHardwire")
        .parser(Parsers.withHardwire())
        .executionContext(offline());
  }

  /**
   * Dependency resolution without the network: a local repository that holds only empty stand-ins
   * for the adapters (they are not installed while the reactor builds).
   */
  private InMemoryExecutionContext offline() {
    for (String artifact : List.of("sdk-okhttp", "sdk-jdk")) {
      Path folder = localRepository.resolve("dev/hardwire/" + artifact + "/0.1.0-SNAPSHOT");
      try {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(artifact + "-0.1.0-SNAPSHOT.pom"), """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.hardwire</groupId>
              <artifactId>%s</artifactId>
              <version>0.1.0-SNAPSHOT</version>
            </project>
            """.formatted(artifact));
        // The resolver takes a jar-packaged pom only with its jar beside it.
        new JarOutputStream(Files.newOutputStream(
            folder.resolve(artifact + "-0.1.0-SNAPSHOT.jar")), new Manifest()).close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    InMemoryExecutionContext ctx = new InMemoryExecutionContext(e -> {
      throw new AssertionError(e);
    });
    MavenExecutionContextView.view(ctx)
        .setAddCentralRepository(false)
        .setLocalRepository(MavenRepository.builder().id("local")
            .uri(localRepository.toUri().toString()).knownToExist(true).build());
    return ctx;
  }

  @Test
  void addsTheAdapterAndMigratesTheClient() {
    rewriteRun(
        mavenProject("app",
            pomGainsAdapter("app", "sdk-okhttp"),
            srcMainJava(
                java(
                    """
                    import okhttp3.OkHttpClient;

                    class Api {
                      static final String BASE = "http://api.acme.io/v1";
                      final OkHttpClient client = new OkHttpClient();
                    }
                    """,
                    """
                    import dev.hardwire.core.SecurityPolicy;
                    import dev.hardwire.okhttp.HardenedOkHttp;
                    import okhttp3.OkHttpClient;

                    class Api {
                      static final String BASE = "https://api.acme.io/v1";
                      final OkHttpClient client = HardenedOkHttp.newClient(SecurityPolicy.strict());
                    }
                    """))));
  }

  @Test
  void addsTheJdkAdapterAndMarksWhatAPersonDecides() {
    rewriteRun(
        mavenProject("service",
            pomGainsAdapter("service", "sdk-jdk"),
            srcMainJava(
                java(
                    """
                    import java.net.http.HttpClient;

                    class Service {
                      static final String BILLING = "http://billing.internal/charge";
                      final HttpClient client = HttpClient.newHttpClient();
                    }
                    """,
                    """
                    import dev.hardwire.core.SecurityPolicy;
                    import dev.hardwire.jdk.HardenedHttpClient;

                    import java.net.http.HttpClient;

                    class Service {
                      static final String BILLING = /*~~(%s)~~>*/"http://billing.internal/charge";
                      final HttpClient client = HardenedHttpClient.newClient(SecurityPolicy.strict());
                    }
                    """.formatted(UseHttpsLiterals.REVIEW)))));
  }

  /** The pom of project {@code artifactId}, before and after the recipe adds {@code adapter}. */
  private static SourceSpecs pomGainsAdapter(String artifactId, String adapter) {
    return pomXml(
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
        </project>
        """.formatted(artifactId),
        """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <dependencies>
            <dependency>
              <groupId>dev.hardwire</groupId>
              <artifactId>%s</artifactId>
              <version>0.1.0-SNAPSHOT</version>
            </dependency>
          </dependencies>
        </project>
        """.formatted(artifactId, adapter));
  }
}
