/** Host names and host patterns, shared by pins and credentials. Internal: no compatibility promise. */
package dev.hardwire.core.internal.hosts;
