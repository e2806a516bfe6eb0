package dev.hardwire.audit.scan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
  private final IgnoreRules root = IgnoreRules.NONE.with(List.of(
      "# comment", "", "*.log", "!keep.log", "/build-output", "docs/", "**/generated/**",
      "secret?.env", "tmp[0-9]", "\\#literal", "trailing   "), "");

  @Test
  void starMatchesNamesAtAnyDepth() {
    assertTrue(root.isIgnored("a.log", false));
    assertTrue(root.isIgnored("x/y/a.log", false));
  }

  @Test
  void negationReincludes() {
    assertFalse(root.isIgnored("keep.log", false));
    assertFalse(root.isIgnored("x/keep.log", false));
  }

  @Test
  void leadingSlashAnchorsToTheIgnoreFilesFolder() {
    assertTrue(root.isIgnored("build-output", true));
    assertFalse(root.isIgnored("x/build-output", true));
  }

  @Test
  void trailingSlashMatchesFoldersOnly() {
    assertTrue(root.isIgnored("docs", true));
    assertTrue(root.isIgnored("a/docs", true));
    assertFalse(root.isIgnored("docs", false));
  }

  @Test
  void doubleStarSpansFolders() {
    assertTrue(root.isIgnored("generated/a.js", false));
    assertTrue(root.isIgnored("src/generated/deep/a.js", false));
    assertFalse(root.isIgnored("src/generated", true));
  }

  @Test
  void questionMarkClassesEscapesAndTrailingBlanks() {
    assertTrue(root.isIgnored("secret1.env", false));
    assertFalse(root.isIgnored("secret12.env", false));
    assertTrue(root.isIgnored("tmp7", false));
    assertFalse(root.isIgnored("tmpx", false));
    assertTrue(root.isIgnored("#literal", false));
    assertTrue(root.isIgnored("trailing", false));
  }

  @Test
  void nestedFilesApplyBelowTheirFolderAndOverrideParents() {
    IgnoreRules nested = root.with(List.of("!debug.log", "/local.yaml"), "svc");
    assertFalse(nested.isIgnored("svc/debug.log", false));
    assertTrue(nested.isIgnored("other/debug.log", false));
    assertTrue(nested.isIgnored("svc/local.yaml", false));
    assertFalse(nested.isIgnored("svc/sub/local.yaml", false));
    assertFalse(nested.isIgnored("local.yaml", false));
  }
}
