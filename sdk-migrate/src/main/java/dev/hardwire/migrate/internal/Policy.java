package dev.hardwire.migrate.internal;

/** The {@code policyExpression} option that every rewriting recipe shares. */
public final class Policy {
  /** What a migrated client gets when the user names no policy. */
  public static final String DEFAULT_EXPRESSION = "dev.hardwire.core.SecurityPolicy.strict()";

  public static final String OPTION_DESCRIPTION = "The Java expression that yields the "
      + "`dev.hardwire.core.SecurityPolicy` each migrated client gets, such as a constant of yours "
      + "(`com.acme.Http.POLICY`). Fully qualified names are shortened to imports. Defaults to "
      + "`dev.hardwire.core.SecurityPolicy.strict()`: TLS 1.3 only, http:// refused, platform "
      + "roots; name a policy of your own if a server still needs TLS 1.2 or a private CA.";

  private Policy() {
  }

  /** The expression to write: {@code option}, or the default when it is null or blank. */
  public static String expression(String option) {
    return option == null || option.isBlank() ? DEFAULT_EXPRESSION : option.strip();
  }
}
