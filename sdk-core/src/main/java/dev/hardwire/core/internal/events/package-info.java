/** Event dispatch and call-site discovery. Internal: no compatibility promise. */
package dev.hardwire.core.internal.events;
