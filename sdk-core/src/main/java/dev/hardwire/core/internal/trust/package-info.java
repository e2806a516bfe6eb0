/**
 * Trust decisions: PKIX path building (the platform's), the strict checks Hardwire adds on top,
 * host names and pins. Internal: no compatibility promise.
 */
package dev.hardwire.core.internal.trust;
