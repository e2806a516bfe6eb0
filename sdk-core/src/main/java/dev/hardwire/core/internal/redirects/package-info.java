/** Redirect rules, decided once for every adapter. Internal: no compatibility promise. */
package dev.hardwire.core.internal.redirects;
