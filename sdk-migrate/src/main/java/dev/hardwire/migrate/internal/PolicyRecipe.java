package dev.hardwire.migrate.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.java.JavaVisitor;
import org.openrewrite.java.ShortenFullyQualifiedTypeReferences;
import org.openrewrite.java.tree.J;

/** A recipe that gives migrated clients a policy: the {@code policyExpression} option they share. */
public abstract class PolicyRecipe extends Recipe {
  /** What a migrated client gets when the user names no policy. */
  public static final String DEFAULT_EXPRESSION = "dev.hardwire.core.SecurityPolicy.strict()";

  public static final String OPTION_NAME = "Policy expression";
  public static final String OPTION_EXAMPLE = "com.acme.Http.POLICY";
  public static final String OPTION_DESCRIPTION = "The Java expression that yields the "
      + "`dev.hardwire.core.SecurityPolicy` each migrated client gets, such as a constant of yours "
      + "(`com.acme.Http.POLICY`). Fully qualified names are shortened to imports. Defaults to "
      + "`dev.hardwire.core.SecurityPolicy.strict()`: TLS 1.3 only, http:// refused, platform "
      + "roots; name a policy of your own if a server still needs TLS 1.2 or a private CA.";

  private final @Nullable String policyExpression;

  protected PolicyRecipe(@Nullable String policyExpression) {
    this.policyExpression = policyExpression;
  }

  public @Nullable String getPolicyExpression() {
    return policyExpression;
  }

  /** The expression to write: the option, or the default when it is null or blank. */
  protected final String policy() {
    return policyExpression == null || policyExpression.isBlank() ? DEFAULT_EXPRESSION
        : policyExpression.strip();
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass()
        && Objects.equals(policyExpression, ((PolicyRecipe) o).policyExpression);
  }

  @Override
  public final int hashCode() {
    return Objects.hash(getName(), policyExpression);
  }

  /** A visitor whose replacements name types fully qualified, to be shortened to imports. */
  public abstract static class Visitor extends JavaVisitor<ExecutionContext> {
    /** Shortens {@code replaced}'s fully qualified names to imports once this visit is done. */
    protected final J shorten(J replaced) {
      doAfterVisit(ShortenFullyQualifiedTypeReferences.modifyOnly(replaced));
      return replaced;
    }
  }
}
