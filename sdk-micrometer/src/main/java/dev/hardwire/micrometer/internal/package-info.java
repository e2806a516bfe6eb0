/**
 * Meter definitions, bounded tag values and the counter table behind {@code HardwireMetrics}.
 * Internal: no compatibility promise.
 */
package dev.hardwire.micrometer.internal;
