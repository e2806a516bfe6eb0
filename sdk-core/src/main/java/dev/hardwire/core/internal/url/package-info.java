/** The URL guard: https only, before any DNS lookup. Internal: no compatibility promise. */
package dev.hardwire.core.internal.url;
