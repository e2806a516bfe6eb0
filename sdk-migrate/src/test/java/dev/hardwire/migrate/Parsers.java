package dev.hardwire.migrate;

import org.openrewrite.java.JavaParser;

/** The parser a user's build would give the recipes: OkHttp and Hardwire on the class path. */
final class Parsers {
  private Parsers() {
  }

  static JavaParser.Builder<?, ?> withHardwire() {
    return JavaParser.fromJavaVersion()
        .classpath("okhttp-jvm", "kotlin-stdlib", "okio-jvm", "sdk-core", "sdk-okhttp", "sdk-jdk");
  }
}
