/** Byte encodings core needs on every runtime. Internal: no compatibility promise. */
package dev.hardwire.core.internal.encoding;
