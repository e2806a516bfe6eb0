package dev.hardwire.migrate.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.Statement;
import org.openrewrite.java.tree.TypeUtils;

/**
 * Code that turns certificate checks off, as copied from countless answers: an {@code
 * X509TrustManager} whose {@code checkServerTrusted} does nothing, and a {@code HostnameVerifier}
 * that returns {@code true}. Found within one compilation unit: the manager's class, an anonymous
 * one, or a variable (or array) that holds one.
 */
public final class TrustAll {
  private final Set<String> trustAllClasses;
  private final Set<JavaType.Variable> trustAllVariables;

  private TrustAll(Set<String> trustAllClasses, Set<JavaType.Variable> trustAllVariables) {
    this.trustAllClasses = trustAllClasses;
    this.trustAllVariables = trustAllVariables;
  }

  /** The trust-all managers that {@code cu} declares and the variables that hold them. */
  public static TrustAll in(J.CompilationUnit cu) {
    Set<String> classes = new HashSet<>();
    new JavaIsoVisitor<Set<String>>() {
      @Override
      public J.ClassDeclaration visitClassDeclaration(J.ClassDeclaration c, Set<String> found) {
        if (c.getType() != null && skipsServerCheck(c.getBody())) {
          found.add(c.getType().getFullyQualifiedName());
        }
        return super.visitClassDeclaration(c, found);
      }
    }.visit(cu, classes);
    TrustAll declared = new TrustAll(classes, new HashSet<>());
    // Variables are collected in source order, so "tm = managers[0]" after "managers = {...}" counts.
    new JavaIsoVisitor<Set<JavaType.Variable>>() {
      @Override
      public J.VariableDeclarations.NamedVariable visitVariable(
          J.VariableDeclarations.NamedVariable v, Set<JavaType.Variable> found) {
        if (v.getInitializer() != null && v.getVariableType() != null
            && declared.reaches(v.getInitializer())) {
          found.add(v.getVariableType());
        }
        return super.visitVariable(v, found);
      }
    }.visit(cu, declared.trustAllVariables);
    return declared;
  }

  /**
   * Whether {@code expression} is, builds on, or reads a trust-all manager: {@code new
   * X509TrustManager() {...}}, {@code new TrustAllManager()}, {@code (X509TrustManager)
   * trustAllCerts[0]}.
   */
  public boolean reaches(Expression expression) {
    AtomicBoolean found = new AtomicBoolean();
    new JavaIsoVisitor<AtomicBoolean>() {
      @Override
      public J.NewClass visitNewClass(J.NewClass newClass, AtomicBoolean f) {
        if (newClass.getBody() != null ? skipsServerCheck(newClass.getBody())
            : newClass.getType() instanceof JavaType.FullyQualified type
                && trustAllClasses.contains(type.getFullyQualifiedName())) {
          f.set(true);
        }
        return super.visitNewClass(newClass, f);
      }

      @Override
      public J.Identifier visitIdentifier(J.Identifier identifier, AtomicBoolean f) {
        if (identifier.getFieldType() != null
            && trustAllVariables.contains(identifier.getFieldType())) {
          f.set(true);
        }
        return identifier;
      }
    }.visit(expression, found);
    return found.get();
  }

  /** Whether {@code verifier} is a lambda or anonymous class that returns {@code true} for any host. */
  public static boolean acceptsEveryHost(Expression verifier) {
    Expression unwrapped = verifier.unwrap();
    if (unwrapped instanceof J.Lambda lambda) {
      return returnsTrue(lambda.getBody());
    }
    if (unwrapped instanceof J.NewClass newClass && newClass.getBody() != null
        && TypeUtils.isAssignableTo("javax.net.ssl.HostnameVerifier", newClass.getType())) {
      for (Statement statement : newClass.getBody().getStatements()) {
        if (statement instanceof J.MethodDeclaration method
            && method.getSimpleName().equals("verify") && returnsTrue(method.getBody())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean returnsTrue(J body) {
    if (body instanceof J.Block block) {
      List<Statement> statements = block.getStatements();
      return statements.size() == 1 && statements.get(0) instanceof J.Return r
          && r.getExpression() != null && returnsTrue(r.getExpression());
    }
    return body instanceof Expression e && e.unwrap() instanceof J.Literal literal
        && Boolean.TRUE.equals(literal.getValue());
  }

  /** A class body whose {@code checkServerTrusted} (any overload) has no statements. */
  private static boolean skipsServerCheck(J.Block classBody) {
    for (Statement statement : classBody.getStatements()) {
      if (statement instanceof J.MethodDeclaration method
          && method.getSimpleName().equals("checkServerTrusted") && method.getBody() != null
          && method.getBody().getStatements().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
