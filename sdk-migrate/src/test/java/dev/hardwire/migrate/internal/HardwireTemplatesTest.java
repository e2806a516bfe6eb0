package dev.hardwire.migrate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.java.tree.TypeUtils;

/** The stubs the templates are typed with must say what the real classes say. */
class HardwireTemplatesTest {
  @Test
  void everyStubMethodExistsWithTheSameSignatureInTheRealClass() throws Exception {
    List<JavaType.Method> stubMethods = new ArrayList<>();
    List<String> enumConstants = new ArrayList<>();
    JavaParser.fromJavaVersion().build()
        .parse(new InMemoryExecutionContext(e -> { throw new AssertionError(e); }),
            HardwireTemplates.STUBS)
        .forEach(source -> new JavaIsoVisitor<Integer>() {
          @Override
          public J.MethodDeclaration visitMethodDeclaration(J.MethodDeclaration m, Integer p) {
            stubMethods.add(m.getMethodType());
            return m;
          }

          @Override
          public J.EnumValue visitEnumValue(J.EnumValue value, Integer p) {
            J.ClassDeclaration owner = getCursor().firstEnclosing(J.ClassDeclaration.class);
            enumConstants.add(owner.getType().getFullyQualifiedName() + "#" + value.getName());
            return value;
          }
        }.visit(source, 0));

    assertThat(stubMethods).hasSizeGreaterThan(8);
    for (JavaType.Method stub : stubMethods) {
      Class<?> owner = load(stub.getDeclaringType());
      Class<?>[] parameters = new Class<?>[stub.getParameterTypes().size()];
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = load(stub.getParameterTypes().get(i));
      }
      Method real = owner.getMethod(stub.getName(), parameters);
      assertThat(real.getReturnType()).as(stub.toString()).isEqualTo(load(stub.getReturnType()));
      assertThat(Modifier.isStatic(real.getModifiers())).as(stub.toString())
          .isEqualTo(stub.hasFlags(org.openrewrite.java.tree.Flag.Static));
    }
    for (String constant : enumConstants) {
      String[] parts = constant.split("#");
      assertThat(Class.forName(parts[0]).getField(parts[1]).isEnumConstant()).as(constant).isTrue();
    }
  }

  private static Class<?> load(JavaType type) throws ClassNotFoundException {
    JavaType.FullyQualified fullyQualified = TypeUtils.asFullyQualified(type);
    assertThat(fullyQualified).as(String.valueOf(type)).isNotNull();
    return Class.forName(fullyQualified.getFullyQualifiedName());
  }
}
