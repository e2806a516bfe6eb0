package dev.hardwire.benchmarks;

/** JVM flags every benchmark fork gets. */
final class Jvm {
  /** A fixed heap, so that GC work does not vary with heap growth between runs. */
  static final String HEAP_MIN = "-Xms1g";
  static final String HEAP_MAX = "-Xmx1g";
  /** Conscrypt reads a socket's host name reflectively (see the root README). */
  static final String OPEN_JAVA_NET = "--add-opens=java.base/java.net=ALL-UNNAMED";

  private Jvm() {
  }
}
