package dev.hardwire.audit.scan;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The file formats the scanner reads, recognised by name (and by shebang for scripts). */
enum Language {
  JAVA(Syntax.C_LIKE), KOTLIN(Syntax.C_LIKE), GROOVY(Syntax.C_LIKE), SCALA(Syntax.C_LIKE),
  JAVASCRIPT(Syntax.C_LIKE), GO(Syntax.C_LIKE), JSON(Syntax.C_LIKE),
  PYTHON(Syntax.PYTHON), SHELL(Syntax.HASH, true), POWERSHELL(Syntax.POWERSHELL, true),
  YAML(Syntax.HASH), TOML(Syntax.TOML), XML(Syntax.XML), PROPERTIES(Syntax.PROPERTIES),
  ENV(Syntax.HASH), DOCKERFILE(Syntax.HASH, true), HCL(Syntax.HCL), INI(Syntax.INI), CONF(Syntax.HASH);

  private static final Map<String, Language> EXTENSIONS = Map.ofEntries(
      Map.entry("java", JAVA), Map.entry("kt", KOTLIN), Map.entry("kts", KOTLIN),
      Map.entry("groovy", GROOVY), Map.entry("gradle", GROOVY), Map.entry("gvy", GROOVY),
      Map.entry("scala", SCALA), Map.entry("sc", SCALA), Map.entry("sbt", SCALA),
      Map.entry("js", JAVASCRIPT), Map.entry("jsx", JAVASCRIPT), Map.entry("mjs", JAVASCRIPT),
      Map.entry("cjs", JAVASCRIPT), Map.entry("ts", JAVASCRIPT), Map.entry("tsx", JAVASCRIPT),
      Map.entry("mts", JAVASCRIPT), Map.entry("cts", JAVASCRIPT), Map.entry("go", GO),
      Map.entry("json", JSON), Map.entry("jsonc", JSON), Map.entry("json5", JSON),
      Map.entry("py", PYTHON), Map.entry("pyw", PYTHON),
      Map.entry("sh", SHELL), Map.entry("bash", SHELL), Map.entry("zsh", SHELL),
      Map.entry("ksh", SHELL), Map.entry("ps1", POWERSHELL), Map.entry("psm1", POWERSHELL),
      Map.entry("psd1", POWERSHELL), Map.entry("yml", YAML), Map.entry("yaml", YAML),
      Map.entry("toml", TOML), Map.entry("xml", XML), Map.entry("pom", XML),
      Map.entry("xsd", XML), Map.entry("wsdl", XML), Map.entry("xsl", XML),
      Map.entry("xslt", XML), Map.entry("properties", PROPERTIES), Map.entry("env", ENV),
      Map.entry("dockerfile", DOCKERFILE), Map.entry("tf", HCL), Map.entry("tfvars", HCL),
      Map.entry("hcl", HCL), Map.entry("nomad", HCL), Map.entry("ini", INI),
      Map.entry("cfg", INI), Map.entry("cnf", INI), Map.entry("conf", CONF));

  private static final Map<String, Language> NAMES = Map.of(
      "dockerfile", DOCKERFILE, "containerfile", DOCKERFILE, "jenkinsfile", GROOVY,
      ".env", ENV, "pipfile", TOML);

  final Syntax syntax;
  /** Whether each line is a command of its own (scripts, Dockerfiles). */
  final boolean commandPerLine;

  Language(Syntax syntax) {
    this(syntax, false);
  }

  Language(Syntax syntax, boolean commandPerLine) {
    this.syntax = syntax;
    this.commandPerLine = commandPerLine;
  }

  /** The language of a file from its name; empty for unknown formats and extensionless names. */
  static Optional<Language> ofName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".min.js")) {
      return Optional.empty(); // bundled output, never hand-written
    }
    Language byName = NAMES.get(name);
    if (byName != null) {
      return Optional.of(byName);
    }
    if (name.startsWith(".env.")) {
      return Optional.of(ENV);
    }
    if (name.startsWith("dockerfile.") || name.startsWith("containerfile.")) {
      return Optional.of(DOCKERFILE);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? Optional.ofNullable(EXTENSIONS.get(name.substring(dot + 1)))
        : Optional.empty();
  }

  /** Whether a file with this name may be a script that only its shebang identifies. */
  static boolean mayBeScript(String fileName) {
    return fileName.indexOf('.') < 0 && !NAMES.containsKey(fileName.toLowerCase(Locale.ROOT));
  }

  /** The language a {@code #!} line names: sh, bash, python, node, pwsh; empty otherwise. */
  static Optional<Language> ofShebang(byte[] head) {
    if (head.length < 3 || head[0] != '#' || head[1] != '!') {
      return Optional.empty();
    }
    int end = 2;
    while (end < head.length && end < 128 && head[end] != '\n') {
      end++;
    }
    String line = new String(head, 2, end - 2, java.nio.charset.StandardCharsets.US_ASCII);
    if (line.contains("python")) {
      return Optional.of(PYTHON);
    }
    if (line.contains("node")) {
      return Optional.of(JAVASCRIPT);
    }
    if (line.contains("pwsh")) {
      return Optional.of(POWERSHELL);
    }
    return line.matches(".*\\b(ba|z|k|da)?sh\\b.*") ? Optional.of(SHELL) : Optional.empty();
  }
}
