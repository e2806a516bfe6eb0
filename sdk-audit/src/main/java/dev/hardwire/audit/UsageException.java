package dev.hardwire.audit;

/** Bad command line input; the message names the problem and the fix. Exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
