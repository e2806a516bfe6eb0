package dev.hardwire.core.internal.events;

/**
 * Finds the application code that made a request: the first stack frame outside Hardwire, the HTTP
 * client libraries and the JDK. Only computed for refusals, since walking the stack costs
 * microseconds.
 */
public final class CallSites {
  private static final String[] INFRASTRUCTURE = {
      "dev.hardwire.core.", "dev.hardwire.okhttp.", "dev.hardwire.jdk.", "dev.hardwire.android.",
      "okhttp3.", "okio.", "retrofit2.", "kotlin.", "kotlinx.", "com.android.okhttp.",
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "android.", "dalvik.", "libcore.",
  };

  private CallSites() {
  }

  /** The caller of the current thread's stack, or null if every frame is infrastructure. */
  public static StackTraceElement current() {
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      if (!isInfrastructure(frame.getClassName())) return frame;
    }
    return null;
  }

  static boolean isInfrastructure(String className) {
    for (String prefix : INFRASTRUCTURE) {
      // Hardwire's own tests live in its packages; they are callers, not infrastructure.
      if (className.startsWith(prefix) && !isTestClass(className)) return true;
    }
    return false;
  }

  private static boolean isTestClass(String className) {
    int nested = className.indexOf('$');
    String outer = nested >= 0 ? className.substring(0, nested) : className;
    return outer.startsWith("dev.hardwire.") && outer.endsWith("Test");
  }
}
