package dev.hardwire.audit.scan;

/**
 * How a family of file formats writes comments, strings and nesting: just enough for the scanner
 * to tell an endpoint in code or configuration from a link in a comment.
 */
enum Syntax {
  /** Java, Kotlin, Groovy, Scala, JS/TS, Go, JSON(C): {@code //}, {@code /* *}{@code /}, quotes. */
  C_LIKE(false, Comments.SLASHES, Nesting.INDENT),
  /** Python: {@code #} comments, triple-quoted strings that are docstrings on their own line. */
  PYTHON(true, Comments.HASH, Nesting.INDENT),
  /** Shell, YAML, TOML, Dockerfile, .env, nginx and other .conf files: {@code #} comments. */
  HASH(false, Comments.HASH, Nesting.INDENT),
  /** TOML: {@code #} comments and {@code [section]} headers. */
  TOML(false, Comments.HASH, Nesting.SECTIONS),
  /** INI: {@code #} or {@code ;} comments at the start of a line, {@code [section]} headers. */
  INI(false, Comments.LINE_START_HASH_OR_SEMICOLON, Nesting.SECTIONS),
  /** Java properties: {@code #} or {@code !} at line start, {@code \:} escapes. */
  PROPERTIES(false, Comments.LINE_START_HASH_OR_BANG, Nesting.NONE),
  /** PowerShell: {@code #} and {@code <# #>}. */
  POWERSHELL(false, Comments.POWERSHELL, Nesting.INDENT),
  /** Terraform and HCL: {@code #}, {@code //} and {@code /* *}{@code /}. */
  HCL(false, Comments.HASH_AND_SLASHES, Nesting.INDENT),
  /** XML and its dialects: handled by {@link XmlLexer}. */
  XML(false, Comments.NONE, Nesting.ELEMENTS);

  enum Comments { SLASHES, HASH, HASH_AND_SLASHES, LINE_START_HASH_OR_SEMICOLON,
    LINE_START_HASH_OR_BANG, POWERSHELL, NONE }

  enum Nesting { INDENT, SECTIONS, ELEMENTS, NONE }

  final boolean docstrings;
  final Comments comments;
  final Nesting nesting;

  Syntax(boolean docstrings, Comments comments, Nesting nesting) {
    this.docstrings = docstrings;
    this.comments = comments;
    this.nesting = nesting;
  }
}
