package dev.hardwire.migrate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hardwire.migrate.internal.Chains;
import dev.hardwire.migrate.internal.HardwireTemplates;
import dev.hardwire.migrate.internal.PolicyRecipe;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.Preconditions;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaTemplate;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.search.IsLikelyTest;
import org.openrewrite.java.search.UsesMethod;
import org.openrewrite.java.search.UsesType;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;
import org.openrewrite.marker.SearchResult;

/**
 * Moves {@code java.net.http} clients onto {@code HardenedHttpClient} and points {@code
 * HttpURLConnection} code at {@code HardenedUrlConnection}:
 *
 * <pre>{@code
 * HttpClient.newHttpClient()  ->  HardenedHttpClient.newClient(SecurityPolicy.strict())
 * HttpClient.newBuilder()     ->  HardenedHttpClient.newBuilder(SecurityPolicy.strict())
 * (HttpsURLConnection) url.openConnection()   marked: use HardenedUrlConnection.open(url, policy)
 * }</pre>
 *
 * <p>A builder that gets its own {@code sslContext(...)}, in its chain or through the local
 * variable that holds it, is left as it is and the call marked: the hardened builder refuses an
 * {@code SSLContext} with {@code IllegalArgumentException}, so rewriting it would only move the
 * failure to run time. Connections are marked, not rewritten, because {@code open} throws for an
 * {@code http://} URL and refuses {@code setSSLSocketFactory}: a person decides. Test sources are
 * left alone.
 */
public final class UseHardenedHttpClient extends PolicyRecipe {
  static final String SSL_CONTEXT_REFUSED = "Hardwire: not hardened, because"
      + " HardenedHttpClient.newBuilder(policy) refuses sslContext(...) with"
      + " IllegalArgumentException. Move private roots to SecurityPolicy.builder().trustAnchors(...)"
      + " and pins to pin(...), delete this call and run the recipe again.";
  static final String URL_CONNECTION = "Hardwire: open it with HardenedUrlConnection.open(url,"
      + " policy) (dev.hardwire:sdk-jdk) for https only, the policy's TLS and verifier, and redirects"
      + " and credentials decided per hop. It returns an HttpsURLConnection; an http:// URL then"
      + " throws CleartextRefusedException, and setSSLSocketFactory/setHostnameVerifier are refused.";

  private static final MethodMatcher NEW_HTTP_CLIENT =
      new MethodMatcher("java.net.http.HttpClient newHttpClient()");
  private static final MethodMatcher NEW_BUILDER =
      new MethodMatcher("java.net.http.HttpClient newBuilder()");
  private static final MethodMatcher SSL_CONTEXT =
      new MethodMatcher("java.net.http.HttpClient.Builder sslContext(..)");
  private static final MethodMatcher OPEN_CONNECTION =
      new MethodMatcher("java.net.URL openConnection(..)");
  private static final String OWN_SSL_CONTEXT = "hardwire.ownSslContext";

  public UseHardenedHttpClient() {
    this(null);
  }

  @JsonCreator
  public UseHardenedHttpClient(@Option(displayName = OPTION_NAME, description = OPTION_DESCRIPTION,
      example = OPTION_EXAMPLE, required = false) @JsonProperty("policyExpression")
      @Nullable String policyExpression) {
    super(policyExpression);
  }

  @Override
  public String getDisplayName() {
    return "Use HardenedHttpClient for java.net.http clients";
  }

  @Override
  public String getDescription() {
    return "Replaces `HttpClient.newHttpClient()` with `HardenedHttpClient.newClient(policy)` and "
        + "`HttpClient.newBuilder()` with `HardenedHttpClient.newBuilder(policy)`. Marks builders "
        + "with their own `sslContext(...)` (which the hardened builder refuses) and "
        + "`HttpURLConnection`/`HttpsURLConnection` openings, pointing to "
        + "`HardenedUrlConnection.open(url, policy)`. Test sources are left alone.";
  }

  @Override
  public TreeVisitor<?, ExecutionContext> getVisitor() {
    String policy = policy();
    JavaTemplate newClient = HardwireTemplates.template(
        "dev.hardwire.jdk.HardenedHttpClient.newClient(" + policy + ")");
    JavaTemplate newBuilder = HardwireTemplates.template(
        "dev.hardwire.jdk.HardenedHttpClient.newBuilder(" + policy + ")");
    return Preconditions.check(
        Preconditions.and(
            Preconditions.or(new UsesType<>("java.net.http.HttpClient", false),
                new UsesMethod<>(OPEN_CONNECTION)),
            Preconditions.not(new IsLikelyTest().getVisitor())),
        new Visitor() {
          @Override
          public J visitCompilationUnit(J.CompilationUnit cu, ExecutionContext ctx) {
            getCursor().putMessage(OWN_SSL_CONTEXT, variablesWithOwnSslContext(cu));
            return super.visitCompilationUnit(cu, ctx);
          }

          @Override
          public J visitMethodInvocation(J.MethodInvocation method, ExecutionContext ctx) {
            J.MethodInvocation m = (J.MethodInvocation) super.visitMethodInvocation(method, ctx);
            if (NEW_HTTP_CLIENT.matches(method)) {
              return shorten(newClient.apply(getCursor(), method.getCoordinates().replace()));
            }
            if (NEW_BUILDER.matches(method) && !getsOwnSslContext()) {
              return shorten(newBuilder.apply(getCursor(), method.getCoordinates().replace()));
            }
            if (SSL_CONTEXT.matches(method)) {
              return m.withName(SearchResult.found(m.getName(), SSL_CONTEXT_REFUSED));
            }
            return m;
          }

          @Override
          public J visitTypeCast(J.TypeCast typeCast, ExecutionContext ctx) {
            J visited = super.visitTypeCast(typeCast, ctx);
            JavaType target = typeCast.getClazz().getType();
            boolean connection = TypeUtils.isOfClassType(target, "java.net.HttpURLConnection")
                || TypeUtils.isOfClassType(target, "javax.net.ssl.HttpsURLConnection");
            if (connection && typeCast.getExpression().unwrap() instanceof J.MethodInvocation m
                && OPEN_CONNECTION.matches(m)) {
              return SearchResult.found(visited, URL_CONNECTION);
            }
            return visited;
          }

          /** Whether the builder this {@code newBuilder()} starts gets an {@code SSLContext}. */
          private boolean getsOwnSslContext() {
            Cursor top = Chains.top(getCursor());
            if (Chains.calls(top.getValue(), SSL_CONTEXT)) {
              return true;
            }
            Set<JavaType.Variable> own = getCursor().getNearestMessage(OWN_SSL_CONTEXT);
            return top.getParentTreeCursor().getValue() instanceof J.VariableDeclarations.NamedVariable v
                && own.contains(v.getVariableType());
          }
        });
  }

  /** The variables on which a chain calls {@code sslContext(...)}. */
  private static Set<JavaType.Variable> variablesWithOwnSslContext(J.CompilationUnit cu) {
    Set<JavaType.Variable> variables = new HashSet<>();
    new JavaIsoVisitor<Set<JavaType.Variable>>() {
      @Override
      public J.MethodInvocation visitMethodInvocation(J.MethodInvocation m,
          Set<JavaType.Variable> found) {
        if (SSL_CONTEXT.matches(m)) {
          JavaType.Variable receiver = Chains.variable(Chains.root(m));
          if (receiver != null) {
            found.add(receiver);
          }
        }
        return super.visitMethodInvocation(m, found);
      }
    }.visit(cu, variables);
    return variables;
  }
}
