package dev.hardwire.audit.scan;

import java.util.List;

/**
 * What a scan found and how much it read.
 *
 * @param findings sorted by file and position
 * @param files how many files were read as text
 * @param bytes how many bytes those files hold
 */
public record ScanResult(List<Finding> findings, long files, long bytes) {
  public ScanResult {
    findings = List.copyOf(findings);
  }
}
