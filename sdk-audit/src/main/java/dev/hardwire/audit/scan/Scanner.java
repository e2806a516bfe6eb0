package dev.hardwire.audit.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Walks a tree and finds cleartext endpoints in every file it can read as code or
 * configuration. Honours {@code .gitignore} files, skips binaries, vendored and build folders,
 * and files over {@value #MAX_FILE_BYTES} bytes. Uses every core.
 */
public final class Scanner {
  static final long MAX_FILE_BYTES = 16L << 20;
  private static final int BINARY_PROBE_BYTES = 8000;

  /** Version control metadata: never source, even with {@code includeVendored}. */
  private static final Set<String> VCS_FOLDERS = Set.of(".git", ".hg", ".svn");

  private static final Set<String> VENDORED_FOLDERS = Set.of("node_modules", "vendor",
      "third_party", "third-party", "thirdparty", "target", "build", "dist", ".gradle", ".idea",
      ".venv", "venv", "__pycache__", ".tox", "bower_components", "jspm_packages", "Pods",
      ".terraform", ".next", ".nuxt", ".cache", "coverage", "site-packages", ".mypy_cache",
      ".pytest_cache", ".yarn", ".pnpm-store");

  private static final Pattern POLICY_FILE =
      Pattern.compile("(\\.?hardwire|hardwire-policy)\\.(ya?ml|json)");
  private static final Pattern POLICY_UPGRADES =
      Pattern.compile("[\"']?cleartextMode[\"']?\\s*[:=]\\s*[\"']?UPGRADE\\b",
          Pattern.CASE_INSENSITIVE);

  private final boolean includeVendored;
  private final boolean honourGitignore;
  private final Consumer<String> warnings;
  private final Set<Path> excluded;

  /**
   * @param includeVendored also scan vendored and build folders ({@code node_modules},
   *     {@code vendor}, {@code target}, ...)
   * @param honourGitignore skip what {@code .gitignore} files exclude
   * @param warnings receives one line per file that could not be read
   * @param excluded files never to scan, such as the baseline (a report full of URLs)
   */
  public Scanner(boolean includeVendored, boolean honourGitignore, Consumer<String> warnings,
      Set<Path> excluded) {
    this.includeVendored = includeVendored;
    this.honourGitignore = honourGitignore;
    this.warnings = warnings;
    this.excluded = Set.copyOf(excluded.stream().map(p -> p.toAbsolutePath().normalize())
        .collect(java.util.stream.Collectors.toSet()));
  }

  private record Candidate(Path path, String relative) {
  }

  /**
   * Scans {@code root}, a folder or a single file. Paths in findings are relative to it (a single
   * file is reported by its name).
   */
  public ScanResult scan(Path root) throws IOException {
    List<Candidate> candidates = Files.isDirectory(root) ? walk(root)
        : List.of(new Candidate(root, root.getFileName().toString()));
    List<String> upgradedFolders = upgradedFolders(candidates);
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "hardwire-audit-scan");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<FileResult>> futures = new ArrayList<>(candidates.size());
      for (Candidate candidate : candidates) {
        futures.add(pool.submit(() -> scanFile(candidate, isUpgraded(candidate, upgradedFolders))));
      }
      List<Finding> findings = new ArrayList<>();
      long files = 0;
      long bytes = 0;
      for (Future<FileResult> future : futures) {
        FileResult result = future.get();
        if (result != null) {
          findings.addAll(result.findings);
          files++;
          bytes += result.bytes;
        }
      }
      findings.sort(Finding.BY_LOCATION);
      return new ScanResult(findings, files, bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("scan failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private record FileResult(List<Finding> findings, long bytes) {
  }

  /** Null for a file that is not read as text: unknown format, binary, too large, unreadable. */
  private FileResult scanFile(Candidate candidate, boolean upgraded) {
    try {
      String name = candidate.path.getFileName().toString();
      Optional<Language> language = Language.ofName(name);
      if (language.isEmpty() && !Language.mayBeScript(name)
          || Files.size(candidate.path) > MAX_FILE_BYTES) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(candidate.path);
      if (language.isEmpty()) {
        language = Language.ofShebang(bytes);
      }
      if (language.isEmpty() || isBinary(bytes)) {
        return null;
      }
      if (!mayHoldEndpoint(bytes)) {
        return new FileResult(List.of(), bytes.length);
      }
      String text = decode(bytes);
      return new FileResult(FileScanner.scan(candidate.relative, language.get(), text, upgraded),
          bytes.length);
    } catch (IOException | UncheckedIOException e) {
      warnings.accept("skipped " + candidate.relative + ": " + e.getMessage());
      return null;
    }
  }

  private List<Candidate> walk(Path root) throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    Deque<IgnoreRules> rules = new ArrayDeque<>();
    rules.push(IgnoreRules.NONE);
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
          throws IOException {
        String relative = relative(root, dir);
        if (!relative.isEmpty() && isSkippedFolder(dir.getFileName().toString(), relative)) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        rules.push(honourGitignore ? rules.peek().enter(dir, relative) : IgnoreRules.NONE);
        return FileVisitResult.CONTINUE;
      }

      private boolean isSkippedFolder(String name, String relative) {
        return VCS_FOLDERS.contains(name)
            || !includeVendored && VENDORED_FOLDERS.contains(name)
            || rules.peek().isIgnored(relative, true);
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String relative = relative(root, file);
        if (attrs.isRegularFile() && !rules.peek().isIgnored(relative, false)
            && !excluded.contains(file.toAbsolutePath().normalize())) {
          candidates.add(new Candidate(file, relative));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        warnings.accept("skipped " + relative(root, file) + ": " + e.getMessage());
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) {
        rules.pop();
        return FileVisitResult.CONTINUE;
      }
    });
    return candidates;
  }

  /**
   * Folders (relative, ending in {@code /}; {@code ""} for the root) holding a Hardwire policy
   * file that sets {@code cleartextMode: UPGRADE}: the project there upgrades http and ws.
   */
  private List<String> upgradedFolders(List<Candidate> candidates) {
    List<String> folders = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (POLICY_FILE.matcher(candidate.path.getFileName().toString()).matches()) {
        try {
          String policy = Files.readString(candidate.path, StandardCharsets.UTF_8);
          if (POLICY_UPGRADES.matcher(policy).find()) {
            int slash = candidate.relative.lastIndexOf('/');
            folders.add(slash < 0 ? "" : candidate.relative.substring(0, slash + 1));
          }
        } catch (IOException | UncheckedIOException e) {
          warnings.accept("could not read policy " + candidate.relative + ": " + e.getMessage());
        }
      }
    }
    return folders;
  }

  private static boolean isUpgraded(Candidate candidate, List<String> upgradedFolders) {
    for (String folder : upgradedFolders) {
      if (candidate.relative.startsWith(folder)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static boolean isBinary(byte[] bytes) {
    int probe = Math.min(bytes.length, BINARY_PROBE_BYTES);
    for (int i = 0; i < probe; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** A cheap byte test, so that most files are never decoded: {@code ://} or {@code :80}. */
  private static boolean mayHoldEndpoint(byte[] bytes) {
    for (int i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] == ':') {
        byte next = bytes[i + 1];
        byte after = bytes[i + 2];
        if (next == '/' && after == '/' || next == '8' && after == '0') {
          return true;
        }
      }
    }
    return false;
  }

  private static String decode(byte[] bytes) {
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
    return bom ? new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
        : new String(bytes, StandardCharsets.UTF_8);
  }
}
