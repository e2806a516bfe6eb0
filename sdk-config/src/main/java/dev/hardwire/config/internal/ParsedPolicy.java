package dev.hardwire.config.internal;

import dev.hardwire.core.SecurityPolicy;
import java.util.List;

/** A valid policy file: the policy, and the tree it came from, for findings that point into it. */
final class ParsedPolicy {
  final SecurityPolicy policy;
  final Node root;
  /** Per trust anchor of {@link #policy}, the file entry it came from. */
  final List<Node> trustAnchorNodes;

  ParsedPolicy(SecurityPolicy policy, Node root, List<Node> trustAnchorNodes) {
    this.policy = policy;
    this.root = root;
    this.trustAnchorNodes = trustAnchorNodes;
  }
}
