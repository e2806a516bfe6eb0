package dev.hardwire.migrate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hardwire.migrate.internal.Chains;
import dev.hardwire.migrate.internal.HardwireTemplates;
import dev.hardwire.migrate.internal.PolicyRecipe;
import dev.hardwire.migrate.internal.OkHttpBuilders;
import dev.hardwire.migrate.internal.TrustAll;
import org.jspecify.annotations.Nullable;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaTemplate;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.search.IsLikelyTest;
import org.openrewrite.java.search.UsesType;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;
import org.openrewrite.marker.SearchResult;

/**
 * Moves OkHttp clients onto {@code HardenedOkHttp}:
 *
 * <pre>{@code
 * new OkHttpClient()                         ->  HardenedOkHttp.newClient(SecurityPolicy.strict())
 * new OkHttpClient.Builder().a().b().build() ->  HardenedOkHttp.harden(new OkHttpClient.Builder().a().b(),
 *                                                    SecurityPolicy.strict()).build()
 * }</pre>
 *
 * <p>A builder held in a local variable is hardened where it is built. What hardening would change
 * silently is marked instead ({@code SearchResult}, "Hardwire: ..."), with the fix: a {@code
 * hostnameVerifier} or {@code sslSocketFactory} (worded more sharply when it accepts every host or
 * certificate), a builder with certificate pins (left as it is: {@code harden} refuses pins), a
 * builder built twice, and a fresh builder that leaves the method unhardened. Test sources are left
 * alone: their clients usually talk to cleartext servers on loopback.
 */
public final class UseHardenedOkHttp extends PolicyRecipe {
  static final String TRUST_ALL_HOSTS = "Hardwire: this HostnameVerifier accepts every host, so a"
      + " certificate for any site passes. Delete it: HardenedOkHttp.harden(...) installs the"
      + " policy's verifier, and a client derived from a hardened one refuses every https call"
      + " while this is set.";
  static final String CUSTOM_HOSTS = "Hardwire: HardenedOkHttp.harden(...) replaces this"
      + " HostnameVerifier with the policy's, and a client derived from a hardened one refuses"
      + " every https call while it is set. Delete it; pins go to SecurityPolicy.builder().pin(...).";
  static final String TRUST_ALL_CERTIFICATES = "Hardwire: this trust manager accepts every"
      + " certificate (its checkServerTrusted is empty), so TLS stops no one. Delete this call:"
      + " HardenedOkHttp.harden(...) installs the policy's verifier. For a private CA, give its root"
      + " to SecurityPolicy.builder().trustAnchors(...).";
  static final String CUSTOM_CERTIFICATES = "Hardwire: HardenedOkHttp.harden(...) replaces this"
      + " socket factory and trust manager with the policy's TLS settings and verifier. Move private"
      + " roots to SecurityPolicy.builder().trustAnchors(...) and delete this call.";
  static final String PINNED = "Hardwire: not hardened, because HardenedOkHttp.harden(...) refuses"
      + " a builder with certificate pins rather than drop them. Move the pins to"
      + " SecurityPolicy.builder().pin(host, pins...), delete this call and run the recipe again.";
  static final String BUILT_TWICE = "Hardwire: not hardened, because this builder is built more"
      + " than once and HardenedOkHttp.harden(...) refuses a builder that is already hardened."
      + " Harden it once, after your own settings, and build every client from the result.";
  static final String UNHARDENED = "Hardwire: this OkHttpClient.Builder leaves here without a"
      + " policy. Call HardenedOkHttp.harden(builder, policy) after your own settings, just before"
      + " build().";

  private static final MethodMatcher HOSTNAME_VERIFIER =
      new MethodMatcher("okhttp3.OkHttpClient.Builder hostnameVerifier(..)");
  private static final MethodMatcher SSL_SOCKET_FACTORY =
      new MethodMatcher("okhttp3.OkHttpClient.Builder sslSocketFactory(..)");
  private static final String BUILDERS = "hardwire.okHttpBuilders";
  private static final String TRUST_ALL = "hardwire.trustAll";

  public UseHardenedOkHttp() {
    this(null);
  }

  @JsonCreator
  public UseHardenedOkHttp(@Option(displayName = OPTION_NAME, description = OPTION_DESCRIPTION,
      example = OPTION_EXAMPLE, required = false) @JsonProperty("policyExpression")
      @Nullable String policyExpression) {
    super(policyExpression);
  }

  @Override
  public String getDisplayName() {
    return "Use HardenedOkHttp for OkHttp clients";
  }

  @Override
  public String getDescription() {
    return "Replaces `new OkHttpClient()` with `HardenedOkHttp.newClient(policy)` and hardens "
        + "`new OkHttpClient.Builder()` chains with `HardenedOkHttp.harden(builder, policy)` just "
        + "before `build()`. Marks trust-all trust managers and hostname verifiers, custom socket "
        + "factories, certificate pinners and builders it could not harden, with the fix. "
        + "Test sources are left alone.";
  }

  @Override
  public TreeVisitor<?, ExecutionContext> getVisitor() {
    String policy = policy();
    JavaTemplate newClient = HardwireTemplates.template(
        "dev.hardwire.okhttp.HardenedOkHttp.newClient(" + policy + ")");
    JavaTemplate harden = HardwireTemplates.template(
        "dev.hardwire.okhttp.HardenedOkHttp.harden(#{any(okhttp3.OkHttpClient.Builder)}, "
            + policy + ").build()");
    return Preconditions.check(
        Preconditions.and(new UsesType<>("okhttp3.OkHttpClient", false),
            Preconditions.not(new IsLikelyTest().getVisitor())),
        new Visitor() {
          @Override
          public J visitCompilationUnit(J.CompilationUnit cu, ExecutionContext ctx) {
            getCursor().putMessage(BUILDERS, OkHttpBuilders.in(cu));
            getCursor().putMessage(TRUST_ALL, TrustAll.in(cu));
            return super.visitCompilationUnit(cu, ctx);
          }

          @Override
          public J visitNewClass(J.NewClass newClass, ExecutionContext ctx) {
            J visited = super.visitNewClass(newClass, ctx);
            if (newClass.getBody() == null && newClass.getArguments().get(0) instanceof J.Empty
                && TypeUtils.isOfClassType(newClass.getType(), "okhttp3.OkHttpClient")) {
              return shorten(newClient.apply(getCursor(), newClass.getCoordinates().replace()));
            }
            if (OkHttpBuilders.isNewBuilder(newClass) && leavesUnhardened(newClass)) {
              return SearchResult.found(visited, UNHARDENED);
            }
            return visited;
          }

          @Override
          public J visitMethodInvocation(J.MethodInvocation method, ExecutionContext ctx) {
            J.MethodInvocation m = (J.MethodInvocation) super.visitMethodInvocation(method, ctx);
            OkHttpBuilders builders = getCursor().getNearestMessage(BUILDERS);
            if (OkHttpBuilders.BUILD.matches(method) && builders.startsFresh(method.getSelect())
                && !builders.setsPins(method.getSelect())) {
              JavaType.Variable variable = Chains.variable(Chains.root(method.getSelect()));
              if (variable != null && builders.isHardened(variable)) {
                return m;
              }
              if (variable != null && builders.buildsOf(variable) > 1) {
                return mark(m, BUILT_TWICE);
              }
              return shorten(harden.apply(updateCursor(m), m.getCoordinates().replace(),
                  m.getSelect()));
            }
            if (OkHttpBuilders.CERTIFICATE_PINNER.matches(method) && builders.startsFresh(method)
                && !builders.isHardened(Chains.variable(Chains.root(method)))) {
              return mark(m, PINNED);
            }
            if (HOSTNAME_VERIFIER.matches(method)) {
              return mark(m, TrustAll.acceptsEveryHost(method.getArguments().get(0))
                  ? TRUST_ALL_HOSTS : CUSTOM_HOSTS);
            }
            if (SSL_SOCKET_FACTORY.matches(method)) {
              TrustAll trustAll = getCursor().getNearestMessage(TRUST_ALL);
              boolean acceptsAll = method.getArguments().stream().anyMatch(trustAll::reaches);
              return mark(m, acceptsAll ? TRUST_ALL_CERTIFICATES : CUSTOM_CERTIFICATES);
            }
            return m;
          }

          /**
           * Whether the chain that {@code newBuilder} starts ends anywhere but in a {@code build()}
           * this recipe hardens, in {@code harden(...)}, or in a local variable that is hardened.
           */
          private boolean leavesUnhardened(J.NewClass newBuilder) {
            Cursor top = Chains.top(getCursor());
            if (top.getValue() instanceof J.MethodInvocation m && OkHttpBuilders.BUILD.matches(m)) {
              return false; // hardened there, or marked there when it has pins
            }
            Object owner = top.getParentTreeCursor().getValue();
            if (owner instanceof J.MethodInvocation m && OkHttpBuilders.HARDEN.matches(m)) {
              return m.getArguments().get(0).unwrap() != top.getValue();
            }
            if (owner instanceof J.VariableDeclarations.NamedVariable v
                && v.getVariableType() != null) {
              OkHttpBuilders builders = getCursor().getNearestMessage(BUILDERS);
              return builders.buildsOf(v.getVariableType()) == 0
                  && !builders.isHardened(v.getVariableType());
            }
            return true;
          }
        });
  }

  /** Marks the method name, so that the marker sits where the call is, not where its chain starts. */
  private static J.MethodInvocation mark(J.MethodInvocation m, String message) {
    return m.withName(SearchResult.found(m.getName(), message));
  }
}
