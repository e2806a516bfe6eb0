package dev.hardwire.migrate;

import dev.hardwire.audit.fix.UrlRewrite;
import dev.hardwire.audit.scan.UrlClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.search.IsLikelyTest;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;
import org.openrewrite.marker.SearchResult;

/**
 * Rewrites {@code "http://..."} and {@code "ws://..."} string literals that are endpoints to
 * {@code https://} and {@code wss://}, by the rules of {@code hardwire-audit --fix} ({@link
 * UrlClassifier}): only public hosts on the default port, where TLS is the same service.
 *
 * <pre>{@code
 * String BASE = "http://api.acme.io:80/v1";        ->  String BASE = "https://api.acme.io/v1";
 * String NS = "http://www.w3.org/2000/svg";        unchanged: an identifier, nothing connects to it
 * @XmlSchema(namespace = "http://acme.io/orders")  unchanged: the key says namespace
 * String LOCAL = "http://localhost:8080/";         unchanged: loopback
 * String DOCS = "http://docs.example.com/";        unchanged: RFC 2606 example domain
 * String BILLING = "http://billing.internal/";     marked: an internal host may not serve TLS
 * }</pre>
 *
 * <p>Endpoints that no tool may upgrade (internal, link-local or templated hosts, custom ports,
 * userinfo) are marked instead, because a Hardwire client refuses them at run time. The literal's
 * keys (the variable, field, annotation attribute, method or class it is given to) are what the
 * audit reads on the same line. Test sources are left alone.
 */
public final class UseHttpsLiterals extends Recipe {
  static final String REVIEW = "Hardwire: a cleartext endpoint that Hardwire clients refuse, and"
      + " no tool can tell whether https:// is the same service here (internal or templated host,"
      + " custom port, or userinfo). Serve TLS there and write https://; keep credentials out of"
      + " URLs (use Credential in the policy).";

  @Override
  public String getDisplayName() {
    return "Use https:// for endpoint string literals";
  }

  @Override
  public String getDescription() {
    return "Rewrites `http://` and `ws://` string literals that name a public endpoint on the "
        + "default port to `https://` and `wss://`, with the exclusions of `hardwire-audit`: XML "
        + "namespaces, schema locations, license and documentation links, loopback and RFC 2606 "
        + "example hosts. Marks cleartext endpoints it cannot upgrade safely. Test sources are "
        + "left alone.";
  }

  @Override
  public TreeVisitor<?, ExecutionContext> getVisitor() {
    return Preconditions.check(Preconditions.not(new IsLikelyTest().getVisitor()),
        new JavaIsoVisitor<ExecutionContext>() {
          @Override
          public J.Literal visitLiteral(J.Literal literal, ExecutionContext ctx) {
            if (literal.getType() != JavaType.Primitive.String
                || !(literal.getValue() instanceof String value) || !isCleartextUrl(value)
                || literal.getValueSource() == null || literal.getValueSource().startsWith("\"\"\"")) {
              return literal;
            }
            switch (UrlClassifier.classify(value, keys(getCursor()))) {
              case UPGRADE: {
                String upgradedValue = UrlRewrite.upgrade(value);
                String upgradedSource = UrlRewrite.upgrade(literal.getValueSource().substring(1));
                return upgradedValue == null || upgradedSource == null ? literal
                    : literal.withValue(upgradedValue).withValueSource("\"" + upgradedSource);
              }
              case REVIEW:
                return SearchResult.found(literal, REVIEW);
              default:
                return literal;
            }
          }
        });
  }

  private static boolean isCleartextUrl(String value) {
    String start = value.substring(0, Math.min(value.length(), 7)).toLowerCase(Locale.ROOT);
    return start.startsWith("http://") || start.startsWith("ws://");
  }

  /**
   * The names a literal is filed under, innermost first, as the audit reads them from a line: the
   * variable it initialises or is assigned to, then the annotation that holds that attribute; the
   * method or class it is passed to; the method it is returned from.
   */
  static List<String> keys(Cursor literal) {
    Cursor cursor = literal.getParentTreeCursor();
    while (cursor.getValue() instanceof J.Binary || cursor.getValue() instanceof J.Parentheses<?>
        || cursor.getValue() instanceof J.TypeCast || cursor.getValue() instanceof J.NewArray) {
      cursor = cursor.getParentTreeCursor();
    }
    List<String> keys = new ArrayList<>();
    Object owner = cursor.getValue();
    if (owner instanceof J.VariableDeclarations.NamedVariable v) {
      keys.add(v.getSimpleName());
    } else if (owner instanceof J.Assignment a) {
      if (a.getVariable() instanceof J.Identifier id) {
        keys.add(id.getSimpleName());
      } else if (a.getVariable() instanceof J.FieldAccess field) {
        keys.add(field.getSimpleName());
      }
      if (cursor.getParentTreeCursor().getValue() instanceof J.Annotation annotation) {
        keys.add(annotation.getSimpleName());
      }
    } else if (owner instanceof J.Annotation annotation) {
      keys.add(annotation.getSimpleName());
    } else if (owner instanceof J.MethodInvocation m) {
      keys.add(m.getSimpleName());
    } else if (owner instanceof J.NewClass n && TypeUtils.asFullyQualified(n.getType()) != null) {
      keys.add(TypeUtils.asFullyQualified(n.getType()).getClassName());
    } else if (owner instanceof J.Return) {
      J.MethodDeclaration method = cursor.firstEnclosing(J.MethodDeclaration.class);
      if (method != null) {
        keys.add(method.getSimpleName());
      }
    }
    return keys;
  }
}
