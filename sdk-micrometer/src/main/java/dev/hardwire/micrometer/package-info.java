/**
 * A policy's security events as Micrometer meters: {@link dev.hardwire.micrometer.HardwireMetrics}.
 */
package dev.hardwire.micrometer;
