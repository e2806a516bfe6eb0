package dev.hardwire.migrate.internal;

import static dev.hardwire.migrate.internal.Chains.root;
import static dev.hardwire.migrate.internal.Chains.variable;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;

/**
 * The {@code OkHttpClient.Builder}s of one compilation unit that start as {@code new
 * OkHttpClient.Builder()}: in a single chain, or held in a local variable that later calls add to
 * and build. Builders derived from a client ({@code client.newBuilder()}) are not among them: they
 * keep whatever the client had.
 */
public final class OkHttpBuilders {
  public static final MethodMatcher BUILD = new MethodMatcher("okhttp3.OkHttpClient.Builder build()");
  public static final MethodMatcher CERTIFICATE_PINNER =
      new MethodMatcher("okhttp3.OkHttpClient.Builder certificatePinner(..)");
  public static final MethodMatcher HARDEN =
      new MethodMatcher("dev.hardwire.okhttp.HardenedOkHttp harden(..)");

  private final Set<JavaType.Variable> fresh = new HashSet<>();
  private final Set<JavaType.Variable> pinned = new HashSet<>();
  private final Set<JavaType.Variable> hardened = new HashSet<>();
  private final Map<JavaType.Variable, Integer> builds = new HashMap<>();

  private OkHttpBuilders() {
  }

  /** The fresh builders of {@code cu} and what is done to the variables that hold them. */
  public static OkHttpBuilders in(J.CompilationUnit cu) {
    OkHttpBuilders builders = new OkHttpBuilders();
    new JavaIsoVisitor<OkHttpBuilders>() {
      @Override
      public J.VariableDeclarations.NamedVariable visitVariable(
          J.VariableDeclarations.NamedVariable v, OkHttpBuilders b) {
        if (v.getInitializer() != null && v.getVariableType() != null
            && isNewBuilder(root(v.getInitializer()))) {
          b.fresh.add(v.getVariableType());
        }
        return super.visitVariable(v, b);
      }

      @Override
      public J.MethodInvocation visitMethodInvocation(J.MethodInvocation m, OkHttpBuilders b) {
        if (HARDEN.matches(m) && !m.getArguments().isEmpty()) {
          JavaType.Variable argument = variable(m.getArguments().get(0));
          if (argument != null) {
            b.hardened.add(argument);
          }
        } else if (m.getSelect() != null) {
          JavaType.Variable receiver = variable(root(m.getSelect()));
          if (receiver != null && BUILD.matches(m)) {
            b.builds.merge(receiver, 1, Integer::sum);
          } else if (receiver != null && CERTIFICATE_PINNER.matches(m)) {
            b.pinned.add(receiver);
          }
        }
        return super.visitMethodInvocation(m, b);
      }
    }.visit(cu, builders);
    return builders;
  }

  /** {@code new OkHttpClient.Builder()}. */
  public static boolean isNewBuilder(Expression e) {
    return e instanceof J.NewClass n && n.getBody() == null
        && TypeUtils.isOfClassType(n.getType(), "okhttp3.OkHttpClient.Builder")
        && n.getArguments().stream().allMatch(a -> a instanceof J.Empty);
  }

  /** Whether the chain ending in {@code call} starts from a fresh builder, inline or in a variable. */
  public boolean startsFresh(Expression call) {
    Expression root = root(call);
    return isNewBuilder(root) || fresh.contains(variable(root));
  }

  /** Whether the chain ending in {@code call} (or its variable, anywhere) sets certificate pins. */
  public boolean setsPins(Expression call) {
    return pinned.contains(variable(root(call))) || Chains.calls(call, CERTIFICATE_PINNER);
  }

  /** How many {@code build()} calls start from {@code variable}. */
  public int buildsOf(JavaType.Variable variable) {
    return builds.getOrDefault(variable, 0);
  }

  /** Whether {@code variable} is passed to {@code HardenedOkHttp.harden} somewhere. */
  public boolean isHardened(JavaType.Variable variable) {
    return hardened.contains(variable);
  }
}
