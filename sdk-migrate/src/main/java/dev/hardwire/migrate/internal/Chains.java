package dev.hardwire.migrate.internal;

import org.openrewrite.Cursor;
import org.openrewrite.java.MethodMatcher;
import org.openrewrite.java.tree.Expression;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;

/** Call chains such as {@code new X().a().b()}: where they start, end and what they call. */
public final class Chains {
  private Chains() {
  }

  /** The expression a chain starts from: {@code new X()} in {@code new X().a().b()}. */
  public static Expression root(Expression chain) {
    Expression e = chain.unwrap();
    while (e instanceof J.MethodInvocation m && m.getSelect() != null) {
      e = m.getSelect().unwrap();
    }
    return e;
  }

  /** Whether the chain ending in {@code chain} has a call that {@code matcher} matches. */
  public static boolean calls(Expression chain, MethodMatcher matcher) {
    for (Expression e = chain.unwrap(); e instanceof J.MethodInvocation m;
        e = m.getSelect() == null ? null : m.getSelect().unwrap()) {
      if (matcher.matches(m)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The cursor of the outermost call in the chain that the cursor's element starts or is part of:
   * for {@code new X()} in {@code new X().a().b()}, the cursor of {@code .b()}.
   */
  public static Cursor top(Cursor cursor) {
    Cursor top = cursor;
    Cursor parent = top.getParentTreeCursor();
    while (parent.getValue() instanceof J.MethodInvocation m && m.getSelect() != null
        && m.getSelect().unwrap() == top.getValue()
        || parent.getValue() instanceof J.Parentheses<?> p && p.getTree() == top.getValue()) {
      top = parent;
      parent = parent.getParentTreeCursor();
    }
    return top;
  }

  /** The local variable or field {@code e} reads, or null. */
  public static JavaType.Variable variable(Expression e) {
    return e.unwrap() instanceof J.Identifier id ? id.getFieldType() : null;
  }
}
